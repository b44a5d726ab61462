"""movement_of: a force in place (stock) versus a force on the move (out, in, remain)."""

from __future__ import annotations

import pytest

from crosscheck.errors import CrosscheckError
from crosscheck.grouping import category_nouns
from crosscheck.movement import MovementCue, movement_lexicon, movement_of, resolve_definites

TROOP_NOUNS = category_nouns("troops")


def cue_for(sentence: str, figure: str) -> MovementCue:
    start = sentence.index(figure)
    return movement_of(sentence, start, start + len(figure), TROOP_NOUNS)


@pytest.mark.parametrize(
    ("sentence", "figure", "movement"),
    [
        # a stock: there are, stationed, based, remain, has, or no cue at all
        ("There are 900 soldiers in Mali.", "900 soldiers", "stock"),
        ("Some 900 soldiers are stationed in Mali.", "900 soldiers", "stock"),
        ("About 900 soldiers remain in Mali.", "900 soldiers", "stock"),
        ("France has 900 soldiers in Mali.", "900 soldiers", "stock"),
        ("Some 900 soldiers patrol the border.", "900 soldiers", "stock"),
        ("About 600 soldiers left in Mali guard the base.", "600 soldiers", "stock"),
        # leaving: the figure as subject, as object, after a withdrawal noun, sent home
        ("Some 300 soldiers are leaving Mali this week.", "300 soldiers", "out"),
        ("Paris will withdraw 300 soldiers from Mali.", "300 soldiers", "out"),
        ("About 300 soldiers will be withdrawn by June.", "300 soldiers", "out"),
        ("The army ordered a drawdown of 300 soldiers.", "300 soldiers", "out"),
        ("Paris sent 300 soldiers home.", "300 soldiers", "out"),
        ("Officials said 300 soldiers would be sent home.", "300 soldiers", "out"),
        ("About 300 of the 2,000 soldiers will leave Mali.", "About 300", "out"),
        ("The plan would cut the force by 300 troops.", "300 troops", "out"),
        # arriving
        ("Paris will deploy 300 more soldiers to Mali.", "300 more soldiers", "in"),
        ("A team of 50 soldiers is being sent to Gao.", "50 soldiers", "in"),
        # what a movement leaves in place
        ("Paris will leave 200 soldiers in Mali.", "200 soldiers", "remain"),
        ("Paris will keep 200 soldiers in Mali.", "200 soldiers", "remain"),
        ("A small group of 200 soldiers will remain in Mali.", "200 soldiers", "remain"),
        ("Paris will withdraw all but 200 soldiers.", "200 soldiers", "remain"),
        # where the force ends up is a stock, however it got there
        ("The plan would cut the force to 300 troops.", "300 troops", "stock"),
        ("Some 900 soldiers are deployed in Mali.", "900 soldiers", "stock"),
        ("Some 900 soldiers are deployed to the Sahel.", "900 soldiers", "stock"),
        ("A team of 50 soldiers is being deployed to Gao.", "50 soldiers", "in"),
    ],
)
def test_stock_or_movement(sentence, figure, movement):
    assert cue_for(sentence, figure).value == movement


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("The withdrawal of the 2,000 soldiers was ordered on Monday.", "2,000 soldiers"),
        ("Paris will pull all 2,000 soldiers out of Mali.", "2,000 soldiers"),
        ("Paris will withdraw its 2,000 soldiers from Mali.", "2,000 soldiers"),
        ("Paris will withdraw France's 2,000 soldiers from Mali.", "2,000 soldiers"),
        ("The 2,000 soldiers will leave Mali by June.", "2,000 soldiers"),
        ("Paris will keep its 2,000 soldiers in Mali.", "2,000 soldiers"),
    ],
)
def test_a_definite_figure_on_the_move_is_the_whole_force(sentence, figure):
    cue = cue_for(sentence, figure)
    assert cue.definite and cue.movement in {"out", "remain"}
    assert cue.value == "stock"


def test_the_indefinite_twin_stays_on_the_move():
    cue = cue_for("The withdrawal of 2,000 soldiers was ordered on Monday.", "2,000 soldiers")
    assert (cue.movement, cue.definite, cue.value) == ("out", False, "out")


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        # the cue's object is another noun, or the cue sits in another clause
        ("Paris will withdraw troops from Gao and send 300 soldiers to Kidal.", "300 soldiers"),
        ("Paris will withdraw soldiers from Gao while 900 soldiers stay.", "900 soldiers"),
        ("There are 900 soldiers in Mali, and Paris wants to withdraw them.", "900 soldiers"),
        ("There are 900 soldiers in Mali that the president wants withdrawn.", "900 soldiers"),
        ("Officials said 900 soldiers were in Mali before they were withdrawn.", "900 soldiers"),
    ],
)
def test_cues_that_do_not_govern_the_figure(sentence, figure):
    assert cue_for(sentence, figure).value in {"stock", "in"}
    assert cue_for(sentence, figure).movement != "out"


def test_a_definite_repeat_of_a_figure_on_the_move_stays_on_the_move():
    moving = MovementCue("out", "leaving", definite=False)
    again = MovementCue("out", "leave", definite=True)
    whole = MovementCue("out", "withdrawal of", definite=True)
    staying = MovementCue("remain", "leave", definite=False)
    still = MovementCue("remain", "to remain", definite=True)
    items = [
        ("a", "troops", moving, 401.0, float("nan")),
        ("a", "troops", again, 401.0, float("nan")),  # "the more than 400 Marines will leave"
        ("a", "troops", whole, 2000.0, 2000.0),  # "the withdrawal of the 2,000 troops"
        ("b", "troops", again, 401.0, float("nan")),  # another report: the whole force
        ("b", "troops", staying, 200.0, 200.0),  # "leave 200 troops in Mali"
        ("b", "troops", still, 200.0, 200.0),  # "the 200 troops would remain for a year"
        ("b", "troops", still, 300.0, 300.0),  # "the 300 troops will remain": all of them
    ]
    assert resolve_definites(items) == ["out", "out", "stock", "stock", "remain", "remain", "stock"]


def test_the_lexicon_is_data_and_checked(tmp_path):
    lexicon = movement_lexicon()
    assert lexicon["before"]["withdrawal of"] == "out"
    assert lexicon["after"]["will remain"] == "remain"
    bad = tmp_path / "movement.csv"
    bad.write_text("position,term,movement\nbefore,withdraw,sideways\n", encoding="utf-8")
    with pytest.raises(CrosscheckError, match="line 2"):
        movement_lexicon.__wrapped__(bad)

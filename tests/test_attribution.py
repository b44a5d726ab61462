"""Speaker attribution rules: roles, names, possessives, documents, pronouns (short texts)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.attribution import STATEMENT_WORDS, is_name_token, names_statement
from crosscheck.quotes import quotes_in_text


def only(text: str) -> dict:
    rows = quotes_in_text(text)
    assert len(rows) == 1, rows
    return rows[0]


def test_role_before_a_name_never_crosses_a_sentence_or_paragraph():
    text = (
        "The vote was close, an aide told METRO DAILY.\n\n"
        "White House press secretary Laura Kessler spoke on Tuesday.\n\n"
        "“We have begun moving the staff upstairs,” Kessler said.\n"
    )
    assert only(text)["role"] == "White House press secretary"


def test_name_run_is_cut_at_a_sentence_end():
    text = (
        "Walter Ellison declined to back her at the fair in August. Ellison was jeered.\n\n"
        '"No, that was never my plan," Ellison said.\n'
    )
    assert only(text)["speaker"] == "Walter Ellison"


def test_title_of_department_before_a_name_is_the_role():
    text = (
        "Secretary of State Joan Webb spoke on Thursday.\n\n"
        '"We owe these families an answer," Webb said.\n'
    )
    row = only(text)
    assert (row["speaker"], row["role"]) == ("Joan Webb", "Secretary of State")


def test_possessive_opening_a_sentence_gives_its_owner():
    text = (
        "Frank Beck retired on Friday.\n\n"
        "But Mr. Beck’s main grievance was that the board wanted “a budget shaped "
        "by its donors.”\n"
    )
    assert only(text)["speaker"] == "Frank Beck"


def test_possessive_with_a_noun_for_people_keeps_the_description():
    text = 'Nell Ortiz\'s sources are "unwilling to confirm that the deal was signed."\n'
    assert only(text)["speaker"] == "Nell Ortiz's sources"


def test_words_in_a_document_belong_to_its_author_not_to_a_group_inside():
    text = (
        "A White House statement said all three governors agreed to “keep meeting on the canal.”\n"
    )
    row = only(text)
    assert row["speaker"] == "the White House"
    assert row["cue"] == "said"


def test_body_named_after_according_to_is_not_a_person_with_that_word_in_their_role():
    text = (
        "Pentagon spokesman Daniel Dunmore said the raids had ended.\n\n"
        'The militia keeps the depots "to store and move rockets toward allied bases," '
        "according to the Pentagon.\n"
    )
    assert only(text)["speaker"] == "the Pentagon"


def test_title_after_the_still_resolves_to_the_person():
    text = (
        "President Barack Obama spoke at the State Department.\n\n"
        '"We are nowhere near done with this," the president said.\n'
    )
    assert only(text)["speaker"] == "Barack Obama"


def test_contracted_pronoun_opening_a_sentence():
    text = (
        "Gordon Pratt spoke at a town hall.\n\n"
        "He’s claiming that the tariff is “a bad, bad deal for our farmers.”\n"
    )
    assert only(text)["speaker"] == "Gordon Pratt"


def test_subordinator_and_number_words_are_not_first_names():
    text = (
        "Although Varga has praised the new zoning rules, he does not follow them.\n\n"
        "Thirty-one years ago, a magazine profiled him.\n\n"
        "“The burden of these permits is absurd,” Varga said.\n"
    )
    assert only(text)["speaker"] == "Varga"


def test_circumstance_between_commas_is_not_a_role():
    text = (
        "Reyes, in a statement Friday evening, said he had instructed staff to deliver "
        '"every spare blanket to the shelter."\n'
    )
    row = only(text)
    assert (row["speaker"], row["role"]) == ("Reyes", "")


def test_affiliation_between_commas_is_a_role():
    row = only(
        '"We will see what happens with this," said John Smith, of the Brookings Institution.\n'
    )
    assert row["organisation"] == "the Brookings Institution"


def test_age_between_commas_keeps_the_name():
    row = only('"We are staying until they listen," Tamsin Reed, 31, said on Monday.\n')
    assert (row["speaker"], row["role"]) == ("Tamsin Reed", "")


def test_she_skips_a_man_known_by_his_first_name():
    text = (
        "Liberal economist Rachel Dunn, who studies housing policy, said the bill ignored "
        "too many renters. Peter Hollis rejected that view.\n\n"
        '"I can\'t find any numbers on who gets help," she said.\n'
    )
    assert only(text)["speaker"] == "Rachel Dunn"


def test_he_after_an_initial_uses_the_first_full_given_name():
    text = (
        "Margaret Olsen thanked R. Anthony Vance on Tuesday.\n\n"
        '"Tony ran that office better than anyone," she said.\n'
    )
    assert only(text)["speaker"] == "Margaret Olsen"


def test_person_named_by_first_name_only_is_a_referent():
    text = (
        "Victor Hale spoke at the fair.\n\n"
        "Rosa watched the whole thing from the back of the tent.\n\n"
        "“I did not expect the crowd to stay so late,” she said.\n"
    )
    assert only(text)["speaker"] == "Rosa"


def test_name_after_a_closing_cue_is_the_subject():
    text = (
        "Frank Ruffin said the ads mattered.\n\n"
        "Ads are not likely to move many voters, noted CBS's Oren Tully.\n\n"
        '"Keep in mind that most voters decide early," he wrote.\n'
    )
    assert only(text)["speaker"] == "Oren Tully"


def test_person_introduced_with_a_role_is_the_likely_he():
    text = (
        "While Jorge Alvarez had many posters printed about him, that troubles Kevin Marsh, "
        "chairman of the city council.\n\n"
        '"Nobody is printing posters for her at all," he said.\n'
    )
    assert only(text)["speaker"] == "Kevin Marsh"


def test_possessive_mention_is_not_the_likely_he():
    text = (
        "Rising seas could swamp a million homes, Mr. Harlan said, citing Stephen "
        "Kale's new book.\n\n"
        '"If even a fraction of those families must move," he said.\n'
    )
    assert only(text)["speaker"] == "Harlan"


def test_places_and_body_names_are_not_people():
    text = (
        "Gordon Pratt spoke in Cedar Rapids on Tuesday. The Commission on Judicial "
        "Conduct announced a delay.\n\n"
        '"Running that meeting was much harder than it looked," he said.\n'
    )
    assert only(text)["speaker"] == "Gordon Pratt"


def test_a_name_does_not_end_in_an_initial():
    text = (
        "Naomi Pryce spoke on Monday. Quoting U.S. diplomats, the paper added details.\n\n"
        '"None of us will forget this week," she said.\n'
    )
    assert only(text)["speaker"] == "Naomi Pryce"


def test_hyphenated_name_parts_are_names_but_adjective_compounds_are_not():
    text = (
        "Secretary General Ban Ki-moon met Jean-Luc Moreau, the French trade minister.\n\n"
        "Ban Ki-moon criticised the launch.\n\n"
        '"We cannot let this cycle of threats go on," he told reporters.\n'
    )
    assert only(text)["speaker"] == "Ban Ki-moon"
    assert is_name_token("Ki-moon") and is_name_token("Jae-in")
    assert not any(map(is_name_token, ["Iranian-backed", "Kurdish-led", "Anti-war"]))


def test_number_words_opening_a_sentence_are_not_speakers():
    text = (
        "Thirty-one years ago, a magazine hailed her as \u201cthe quiet engine of the "
        "party\u201d in a cover story.\n"
    )
    assert only(text)["speaker"] is None


def test_unisex_first_names_give_no_gender():
    text = (
        "The ordinance was pushed by relatives of the miners.\n\n"
        '"Today we finally got our answer," said widow Jordan Lake.\n\n'
        'She continued, "We spent nine winters asking for this ruling."\n'
    )
    assert [r["speaker"] for r in quotes_in_text(text)] == ["Jordan Lake", "Jordan Lake"]


def test_a_document_that_reads_is_the_speaker():
    row = only('"Our schools are thriving and our children are safe," the letter reads.\n')
    assert (row["speaker"], row["kind"]) == ("the letter", "statement")


def test_it_and_they_resolve_to_the_organisation_last_named():
    text = (
        "The United Nations Security Council met on Tuesday about the launch.\n\n"
        '"We will start drafting a response right away," they said.\n\n'
        "The militia seized the port, according to Yemen's government. \"The envoy got "
        'a call from his counterpart before the shelling started," it said.\n'
    )
    rows = quotes_in_text(text)
    assert [r["speaker"] for r in rows] == [
        "The United Nations Security Council",
        "Yemen's government",
    ]


def test_it_prefers_the_document_quoted_last_over_an_earlier_organisation():
    text = (
        "The Times profiled the builder in 1988.\n\n"
        '"He has found a way to pay off most of his loans," the article read.\n\n'
        '"He is pressing on with several new towers," it added.\n'
    )
    assert [r["speaker"] for r in quotes_in_text(text)] == ["the article", "the article"]


def test_a_circumstance_after_a_name_does_not_introduce_a_speaker():
    text = (
        "Attorney General Carla Dietz spoke at the event, Dietz said.\n\n"
        "She met Paul Arden while the agency was auditing his wife, Joan "
        "Arden, over the charity accounts she ran.\n\n"
        '"Officials rarely raise such matters with the attorney general," she said.\n'
    )
    assert only(text)["speaker"] == "Carla Dietz"


def test_first_name_in_a_title_case_headline_gives_the_full_name():
    text = (
        "Paula Grant Takes On Tom Ruiz Over The Harbor Deal\n\n"
        "On Tuesday night, Grant pressed her rival on the contract.\n\n"
        '"What is he hiding in those invoices?" she said.\n'
    )
    assert only(text)["speaker"] == "Paula Grant"


STATEMENT_PIECES = st.sampled_from(
    ["Statement", "statements", "TWEET", "tweeted", "E-mail", "op-ed", "Op-Ed", "wrote"]
    + ["communiqué", "communique", "memos", "said", "in a", " ", "-", "_", "x", "ſ", "ı", "İ", "é"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(STATEMENT_PIECES, max_size=8))
def test_a_statement_is_named_where_the_case_blind_pattern_finds_one(pieces):
    text = "".join(pieces)
    assert names_statement(text) == bool(STATEMENT_WORDS.search(text))


def test_a_statement_is_named_in_any_case_as_a_whole_word():
    assert names_statement("in a STATEMENT on Monday")
    assert names_statement("she ſtatement")  # ignoring case, "ſ" is an "s"
    assert not names_statement("a posterior view")

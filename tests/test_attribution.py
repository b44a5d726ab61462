"""Speaker attribution rules: roles, names, possessives, documents, pronouns (short texts)."""

from __future__ import annotations

from crosscheck.attribution import is_name_token
from crosscheck.quotes import quotes_in_text


def only(text: str) -> dict:
    rows = quotes_in_text(text)
    assert len(rows) == 1, rows
    return rows[0]


def test_role_before_a_name_never_crosses_a_sentence_or_paragraph():
    text = (
        "The decision was final, an official told USA TODAY.\n\n"
        "White House press secretary Sarah Sanders spoke on Wednesday.\n\n"
        "“We have started returning troops home,” Sanders said.\n"
    )
    assert only(text)["role"] == "White House press secretary"


def test_name_run_is_cut_at_a_sentence_end():
    text = (
        "Ted Cruz refused to endorse him at the convention in July. Cruz was booed.\n\n"
        '"No, this is not politics at all," Cruz said.\n'
    )
    assert only(text)["speaker"] == "Ted Cruz"


def test_title_of_department_before_a_name_is_the_role():
    text = (
        "Secretary of State Hillary Clinton spoke on Monday.\n\n"
        '"We will not turn away from this country," Clinton said.\n'
    )
    row = only(text)
    assert (row["speaker"], row["role"]) == ("Hillary Clinton", "Secretary of State")


def test_possessive_opening_a_sentence_gives_its_owner():
    text = (
        "Jim Mattis resigned on Thursday.\n\n"
        "But Mr. Mattis’s core complaint was that the president wanted “a world consistent "
        "with their model.”\n"
    )
    assert only(text)["speaker"] == "Jim Mattis"


def test_possessive_with_a_noun_for_people_keeps_the_description():
    text = 'Dina Smith\'s sources are "reluctant to say that this was planned."\n'
    assert only(text)["speaker"] == "Dina Smith's sources"


def test_words_in_a_document_belong_to_its_author_not_to_a_group_inside():
    text = (
        "A White House statement said the two presidents agreed to “keep talking about "
        "the border.”\n"
    )
    row = only(text)
    assert row["speaker"] == "the White House"
    assert row["cue"] == "said"


def test_body_named_after_according_to_is_not_a_person_with_that_word_in_their_role():
    text = (
        "Pentagon spokesman Jonathan Hoffman said the strikes worked.\n\n"
        'The group uses the sites "to plan and execute attacks on coalition forces," '
        "according to the Pentagon.\n"
    )
    assert only(text)["speaker"] == "the Pentagon"


def test_title_after_the_still_resolves_to_the_person():
    text = (
        "President Barack Obama spoke at the White House.\n\n"
        '"We will not give up on this at all," the president said.\n'
    )
    assert only(text)["speaker"] == "Barack Obama"


def test_contracted_pronoun_opening_a_sentence():
    text = (
        "Donald Trump spoke at a rally.\n\n"
        "He’s claiming that voting fraud is “a big, big problem in this country.”\n"
    )
    assert only(text)["speaker"] == "Donald Trump"


def test_subordinator_and_number_words_are_not_first_names():
    text = (
        "Although Trump has used the tax code, he does not defend it.\n\n"
        "Twenty-two years ago, a newspaper praised him.\n\n"
        "“The unfairness of the tax laws is unbelievable,” Trump said.\n"
    )
    assert only(text)["speaker"] == "Trump"


def test_circumstance_between_commas_is_not_a_role():
    text = (
        "Obama, in a statement Wednesday morning, said he had directed staff to provide "
        '"all necessary resources to the team."\n'
    )
    row = only(text)
    assert (row["speaker"], row["role"]) == ("Obama", "")


def test_affiliation_between_commas_is_a_role():
    row = only(
        '"We will see what happens with this," said John Smith, of the Brookings Institution.\n'
    )
    assert row["organisation"] == "the Brookings Institution"


def test_age_between_commas_keeps_the_name():
    row = only('"We are not going to stop at all," Quina Jones, 25, said on Sunday.\n')
    assert (row["speaker"], row["role"]) == ("Quina Jones", "")


def test_she_skips_a_man_known_by_his_first_name():
    text = (
        "Conservative economist Susan Collins, who studies tax policy, said the plan left out "
        "too many details. Michael Tanner disagreed with that view.\n\n"
        '"I don\'t see details about who is left out," she said.\n'
    )
    assert only(text)["speaker"] == "Susan Collins"


def test_he_after_an_initial_uses_the_first_full_given_name():
    text = (
        "Hillary Clinton praised J. Christopher Stevens on Wednesday.\n\n"
        '"Chris knew the city better than any of us," she said.\n'
    )
    assert only(text)["speaker"] == "Hillary Clinton"


def test_person_named_by_first_name_only_is_a_referent():
    text = (
        "Donald Trump spoke at the rally.\n\n"
        "Melanie watched it all from the front row.\n\n"
        "“It never crossed my mind that I was losing it,” she said.\n"
    )
    assert only(text)["speaker"] == "Melanie"


def test_name_after_a_closing_cue_is_the_subject():
    text = (
        "Sean Spicer said the debate mattered.\n\n"
        "Debates are not likely to alter the campaign, noted NBC's Dante Chinni.\n\n"
        '"Remember that debates happen late in the campaign," he wrote.\n'
    )
    assert only(text)["speaker"] == "Dante Chinni"


def test_person_introduced_with_a_role_is_the_likely_he():
    text = (
        "While Barack Obama had many songs written about him, that worries Henry Crespo, "
        "president of the county caucus.\n\n"
        '"No one is writing songs for her at all," he said.\n'
    )
    assert only(text)["speaker"] == "Henry Crespo"


def test_possessive_mention_is_not_the_likely_he():
    text = (
        "Shifting monsoons could affect a billion people, Mr. Obama said, citing Jared "
        "Diamond's best seller.\n\n"
        '"If you have even a portion of those people displaced," he said.\n'
    )
    assert only(text)["speaker"] == "Obama"


def test_places_and_body_names_are_not_people():
    text = (
        "Donald Trump spoke in Colorado Springs on Friday. The Commission on Presidential "
        "Debates announced a problem.\n\n"
        '"Working that microphone was a lot more difficult," he said.\n'
    )
    assert only(text)["speaker"] == "Donald Trump"


def test_a_name_does_not_end_in_an_initial():
    text = (
        "Hillary Clinton spoke on Wednesday. Quoting U.S. officials, the report said more.\n\n"
        '"Nobody here will forget what happened today," she said.\n'
    )
    assert only(text)["speaker"] == "Hillary Clinton"


def test_hyphenated_name_parts_are_names_but_adjective_compounds_are_not():
    text = (
        "Secretary General Ban Ki-moon met Jean-Marc Ayrault, the French foreign minister.\n\n"
        "Ban Ki-moon condemned the test.\n\n"
        '"We must urgently break this spiral of escalation," he told reporters.\n'
    )
    assert only(text)["speaker"] == "Ban Ki-moon"
    assert is_name_token("Ki-moon") and is_name_token("Jae-in")
    assert not any(map(is_name_token, ["Iranian-backed", "Kurdish-led", "Anti-war"]))


def test_number_words_opening_a_sentence_are_not_speakers():
    text = (
        "Twenty-two years ago, a newspaper praised him as \u201cthe comeback kid of the "
        "decade\u201d in a profile.\n"
    )
    assert only(text)["speaker"] is None


def test_unisex_first_names_give_no_gender():
    text = (
        "The bill was backed by families of the victims.\n\n"
        '"This is a great day for all of us," said widow Terry Moss.\n\n'
        'She continued, "We waited fifteen years for this vote."\n'
    )
    assert [r["speaker"] for r in quotes_in_text(text)] == ["Terry Moss", "Terry Moss"]


def test_a_document_that_reads_is_the_speaker():
    row = only('"Our schools are thriving and our children are safe," the letter reads.\n')
    assert (row["speaker"], row["kind"]) == ("the letter", "statement")


def test_it_and_they_resolve_to_the_organisation_last_named():
    text = (
        "The United Nations Security Council met on Friday about the test.\n\n"
        '"We will begin work on appropriate measures at once," they said.\n\n'
        "The rebels took the town, according to Syria's government. \"The minister received "
        'a letter from his counterpart before the raids began," it said.\n'
    )
    rows = quotes_in_text(text)
    assert [r["speaker"] for r in rows] == [
        "The United Nations Security Council",
        "Syria's government",
    ]


def test_it_prefers_the_document_quoted_last_over_an_earlier_organisation():
    text = (
        "The Times praised the developer in 1995.\n\n"
        '"He has managed to erase much of his debt," the article read.\n\n'
        '"He is moving ahead with major projects," it added.\n'
    )
    assert [r["speaker"] for r in quotes_in_text(text)] == ["the article", "the article"]


def test_a_circumstance_after_a_name_does_not_introduce_a_speaker():
    text = (
        "Attorney General Loretta Lynch spoke at the event, Lynch said.\n\n"
        "She met Bill Clinton while the department was investigating his wife, Hillary "
        "Clinton, over the private email server she used.\n\n"
        '"People tend not to say those things to the attorney general," she said.\n'
    )
    assert only(text)["speaker"] == "Loretta Lynch"


def test_first_name_in_a_title_case_headline_gives_the_full_name():
    text = (
        "Paula Grant Goes After Tom Ruiz As The New Party Boss\n\n"
        "On Monday night, Grant attacked her rival on taxes.\n\n"
        '"Why won\'t he release his tax returns?" she said.\n'
    )
    assert only(text)["speaker"] == "Paula Grant"

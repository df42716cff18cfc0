from graphbuild.ingest.clean import clean_document, is_furniture, is_headline
from graphbuild.ingest.sources import document_from_text

PAGE = """The happy life of Deng peopleSponsored by China Society for Human Rights Studies
Home>News>China
China's top political advisor urges solid assistance
2024-08-29 10:04:43Source: Xinhua
Wang Huning spoke in Lhasa.
Top"""


def test_furniture_lines_go_and_glued_credit_lines_are_split():
    doc = clean_document(document_from_text(PAGE, "p.txt"))
    assert doc.paragraphs == (
        "The happy life of Deng people",
        "Sponsored by China Society for Human Rights Studies",
        "China's top political advisor urges solid assistance",
        "Wang Huning spoke in Lhasa.",
    )


def test_title_is_the_first_line_that_is_not_a_credit():
    doc = clean_document(document_from_text("Sponsored by Acme Foundation\nHome > World\nReal Headline Here", "t"))
    assert doc.title == "Real Headline Here"


def test_furniture_shapes():
    for line in ["Home>News>China", "Home » World » Asia", "Source: Reuters", "2024-01-02 10:00", "Back to top"]:
        assert is_furniture(line), line
    for line in ["Wang Huning spoke in Lhasa.", "Prices rose 5% > expected", "Top officials met on Monday."]:
        assert not is_furniture(line), line


def test_headlines_are_title_case_lines_without_final_punctuation():
    assert is_headline("Strengthen the Pairing Development between Military and Local Party Organizations")
    assert not is_headline("Party members of Lolung Village organized activities in Nang County.")
    assert not is_headline("Sponsored by China Society for Human Rights Studies")


def test_every_source_label_glued_to_a_line_starts_a_furniture_line_of_its_own():
    text = "Wang Huning spoke in Lhasa.Editor: Li Ming\nPrices rose.Updated: 2024-08-29\nPhoto by Xinhua"
    assert clean_document(document_from_text(text, "p.txt")).paragraphs == (
        "Wang Huning spoke in Lhasa.",
        "Prices rose.",
        "Photo by Xinhua",
    )


def test_the_hyphens_scrapers_put_between_sentences_become_spaces():
    text = (
        "She thanked her friend.- Angela Merkel replied.-And left.\n"
        "Taoiseach Enda Kenny,-Simon Coveney and others came (Reuters)-on Tuesday.-- Then rain.\n"
        "A 5.6-mile ride, a well-known road (2016-17) to the U.S.-Mexico border.\n"
        "The extension lasted three months. Source:-Al Jazeera and news agencies"
    )
    assert clean_document(document_from_text(text, "p.txt")).paragraphs == (
        "She thanked her friend. Angela Merkel replied. And left.",
        "Taoiseach Enda Kenny, Simon Coveney and others came (Reuters) on Tuesday.-- Then rain.",
        "A 5.6-mile ride, a well-known road (2016-17) to the U.S.-Mexico border.",
        "The extension lasted three months.",  # the credit line, now apart, is furniture like any source line
    )


def test_a_share_bar_glued_to_the_text_goes_and_names_of_networks_in_sentences_stay():
    text = (
        "Voters were divided. Send Facebook Twitter Google+ Whatsapp Tumblr linkedin stumble Digg reddit "
        "Newsvine Permalink http://dw.com/p/2X4Ab\n"
        "She posted it on Facebook and Twitter, then on Digg. Share it by email."
    )
    assert clean_document(document_from_text(text, "p.txt")).paragraphs == (
        "Voters were divided.",
        "She posted it on Facebook and Twitter, then on Digg. Share it by email.",
    )

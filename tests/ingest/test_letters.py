"""Letters lost before reading (U+FFFD) come back only where the language's word list has one word that fits."""

from graphbuild.ingest.letters import restore_letters

LOST = "\ufffd"


def test_a_lost_letter_comes_back_in_the_case_it_is_written_in():
    assert (
        restore_letters(f"Fianna F{LOST * 2}il and Sinn F{LOST * 2}in's leader") == "Fianna Fáil and Sinn Féin's leader"
    )
    assert restore_letters(f"S{LOST * 2}och{LOST * 2}na") == "Síochána"  # two letters lost in one word
    assert restore_letters(f"D{LOST * 2}SSELDORF, Baden-W{LOST * 2}rttemberg") == "DÜSSELDORF, Baden-Württemberg"
    assert restore_letters(f"Beyonc{LOST},") == "Beyoncé,"  # one U+FFFD or two: one letter


def test_what_no_word_fits_is_left_as_it_is():
    for text in (f"{LOST}10,000", f"O'{LOST}Neill", f"Iarnr{LOST * 2}d", f"a {LOST * 2} b", f"F{LOST}{LOST}il2"):
        assert restore_letters(text) == text
    assert restore_letters("Café") == "Café"  # nothing lost, nothing touched

"""English word lists for the resolution rules. Lower case; matched against normalised names."""

from __future__ import annotations

#: Words before a name that mark a person, stripped for matching and kept as aliases ("Mrs May").
TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev",
    "reverend", "president", "vice president", "president-elect", "former president", "prime minister",
    "chancellor", "senator", "sen", "representative", "rep", "congressman", "congresswoman", "governor",
    "gov", "mayor", "secretary", "minister", "foreign minister", "defense secretary", "attorney general",
    "king", "queen", "prince", "princess", "pope", "sheikh", "judge", "justice", "chief justice", "gen",
    "general", "lt", "col", "colonel", "capt", "adm", "admiral", "sgt", "sergeant", "officer",
    "first lady", "speaker", "leader", "chairman", "chairwoman", "ambassador", "commissioner", "director",
    "spokesman", "spokeswoman", "premier", "supreme leader", "crown prince", "emir", "ayatollah", "cardinal",
    "archbishop", "bishop", "detective", "vp", "ceo", "pm",
})
#: Name suffixes that belong to the person ("Donald Trump Jr." is not "Donald Trump").
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: Particles that may be written or left out inside a name ("Bashar al-Assad" = "Bashar Assad"),
#: recognised only in lower case or hyphenated ("al-", "el-"), never as a capitalised first name ("Al Gore").
NAME_PARTICLES = frozenset({"al", "el", "ad", "as", "ash", "at", "ar", "an", "ud"})
#: Words skipped when an acronym is read off a long name ("FBI" = Federal Bureau of Investigation).
ACRONYM_SKIP = frozenset({"of", "and", "the", "for", "in", "on", "at", "to", "de", "&"})
#: Abbreviations that keep their final full stop in a label.
ABBREVIATIONS = frozenset({"jr", "sr", "inc", "co", "corp", "ltd", "st", "bros", "dept", "univ", "gen"})
#: Head nouns of organization names ("the Federal Reserve Bank", "Labour Party").
ORG_HEADS = frozenset({
    "party", "committee", "council", "ministry", "department", "agency", "bureau", "commission", "bank",
    "university", "college", "school", "company", "corporation", "corp", "inc", "group", "association",
    "court", "army", "navy", "force", "forces", "police", "network", "news", "times", "post", "journal",
    "institute", "foundation", "organization", "organisation", "office", "service", "services", "board",
    "authority", "administration", "parliament", "senate", "congress", "assembly", "federation", "league",
    "club", "society", "fund", "reserve", "union", "alliance", "front", "movement", "brigade", "brigades",
    "corps", "guard", "church", "airlines", "airways", "motors", "media", "press", "magazine", "tribune",
    "herald", "television", "radio", "channel", "studios", "records", "systems", "technologies", "labs",
    "holdings", "partners", "capital", "exchange", "caucus", "cabinet", "secretariat", "taliban",
})
#: Words after a name that mark a speaker: a weak cue for a person.
SPEECH_VERBS = frozenset({"said", "says", "told", "added", "wrote", "tweeted", "explained", "argued",
                          "insisted", "claimed", "noted", "asked", "replied", "warned", "urged"})
#: Words before a name that mark a place ("in Aleppo", "near Mosul").
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "from", "across", "outside", "inside", "throughout",
                                "to", "into", "towards", "toward"})
#: Words before a name that mark a time-bound happening ("after Brexit", "during the Olympics").
EVENT_PREPOSITIONS = frozenset({"after", "before", "during", "since", "until", "ahead of", "following",
                                "post", "pre"})
#: Common nouns that, before "is/was X", say X is a place ("Our hometown is Yulmed").
PLACE_NOUNS = frozenset({"hometown", "home town", "village", "town", "city", "homeland", "birthplace",
                         "capital", "county", "province", "region", "country", "island"})
#: Phrases that introduce another name of the same thing ("ISIS, also known as Daesh").
ALIAS_CUES = ("also known as", "known as", "also called", "a.k.a.", "aka", "or simply", "better known as")
#: Articles and determiners: a lone name after one is used as a common noun ("the Brexit deal").
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
#: Verbs that follow a subject: "the Fed has" is a name as subject, "the Trump administration" a modifier.
AUXILIARIES = frozenset({"has", "had", "have", "is", "was", "are", "were", "will", "would", "could", "should",
                         "may", "might", "must", "can", "did", "does", "do", "also", "then", "still"})
#: Corporate words after an organization's name that do not change what it names ("Samsung Group").
ORG_SUFFIXES = frozenset({"group", "inc", "corp", "corporation", "ltd", "plc", "llc", "co", "company", "sa", "ag"})
#: Words that join or relate phrases; after a name they never make it a modifier of a noun.
FUNCTION_WORDS = frozenset({"and", "or", "nor", "but", "of", "in", "on", "for", "to", "at", "with", "from", "by",
                            "as", "than", "that", "which", "who", "whose", "when", "where", "while", "into",
                            "over", "under", "after", "before", "since", "about", "against", "between"})

"""English word lists for the rules: page cleaning, the pipeline components, name cleaning, type cues and
resolution. Lower case and matched against normalised names, unless a list says otherwise."""

from __future__ import annotations

#: Words before a name that mark a person, stripped for matching and kept as aliases ("Mrs May").
# fmt: off
TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev", "reverend",
    "president", "vice president", "president-elect", "former president", "prime minister", "chancellor", "senator",
    "sen", "representative", "rep", "congressman", "congresswoman", "governor", "gov", "mayor", "secretary",
    "minister", "foreign minister", "defense secretary", "attorney general", "king", "queen", "prince", "princess",
    "pope", "sheikh", "judge", "justice", "chief justice", "gen", "general", "lt", "col", "colonel", "capt", "adm",
    "admiral", "sgt", "sergeant", "officer", "first lady", "speaker", "leader", "chairman", "chairwoman",
    "ambassador", "commissioner", "director", "spokesman", "spokeswoman", "premier", "supreme leader", "crown prince",
    "emir", "ayatollah", "cardinal", "archbishop", "bishop", "detective", "vp", "ceo", "pm", "taoiseach", "tanaiste",
})
# fmt: on
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
# fmt: off
ORG_HEADS = frozenset({
    "party", "committee", "council", "ministry", "department", "agency", "bureau", "commission", "bank", "university",
    "college", "school", "company", "corporation", "corp", "inc", "group", "association", "court", "army", "navy",
    "force", "forces", "police", "network", "news", "times", "post", "journal", "institute", "foundation",
    "organization", "organisation", "office", "service", "services", "board", "authority", "administration",
    "parliament", "senate", "congress", "assembly", "federation", "league", "club", "society", "fund", "reserve",
    "union", "alliance", "front", "movement", "brigade", "brigades", "corps", "guard", "church", "airlines",
    "airways", "motors", "media", "press", "magazine", "tribune", "herald", "television", "radio", "channel",
    "studios", "records", "systems", "technologies", "labs", "holdings", "partners", "capital", "exchange", "caucus",
    "cabinet", "secretariat", "taliban",
})
# fmt: on
#: Words after a name that mark a speaker: a weak cue for a person.
# fmt: off
SPEECH_VERBS = frozenset({
    "said", "says", "told", "added", "wrote", "tweeted", "explained", "argued", "insisted", "claimed", "noted",
    "asked", "replied", "warned", "urged",
})
# fmt: on
#: Words before a name that mark a place ("in Aleppo", "near Mosul").
PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "from", "across", "outside", "inside", "throughout", "to", "into", "towards", "toward"}
)
#: Words before a name that mark a time-bound happening ("after Brexit", "during the Olympics").
EVENT_PREPOSITIONS = frozenset({"after", "before", "during", "since", "until", "ahead of", "following", "post", "pre"})
#: Common nouns that, before "is/was X", say X is a place ("Our hometown is Yulmed").
# fmt: off
PLACE_NOUNS = frozenset({
    "hometown", "home town", "village", "town", "city", "homeland", "birthplace", "capital", "county", "province",
    "region", "country", "island",
})
# fmt: on
#: Words between one of ``PLACE_NOUNS`` and a name ("our hometown is Yulmed", "the city of Lhasa").
PLACE_NOUN_LINKS = frozenset({"is", "was", "of"})
#: Endings of a verb's past form: a word after a name with one is no noun the name modifies ("the Fed raised").
PAST_ENDINGS = ("ed",)
#: Phrases that introduce another name of the same thing ("ISIS, also known as Daesh").
ALIAS_CUES = ("also known as", "known as", "also called", "a.k.a.", "aka", "or simply", "better known as")
#: Articles and determiners: a lone name after one is used as a common noun ("the Brexit deal").
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
#: Verbs that follow a subject: "the Fed has" is a name as subject, "the Trump administration" a modifier.
# fmt: off
AUXILIARIES = frozenset({
    "has", "had", "have", "is", "was", "are", "were", "will", "would", "could", "should", "may", "might", "must",
    "can", "did", "does", "do", "also", "then", "still",
})
# fmt: on
#: Corporate words after an organization's name that do not change what it names ("Samsung Group").
ORG_SUFFIXES = frozenset({"group", "inc", "corp", "corporation", "ltd", "plc", "llc", "co", "company", "sa", "ag"})
#: Words that join or relate phrases; after a name they never make it a modifier of a noun.
# fmt: off
FUNCTION_WORDS = frozenset({
    "and", "or", "nor", "but", "of", "in", "on", "for", "to", "at", "with", "from", "by", "as", "than", "that",
    "which", "who", "whose", "when", "where", "while", "into", "over", "under", "after", "before", "since", "about",
    "against", "between",
})
# fmt: on
#: What stands between two names of a list, which share type evidence ("Monpa and Lhopa", "Monpa, Lhopa").
#: Exact text, spaces included.
LIST_GAPS = (" and ", ", ", " or ", ", and ")
#: Words that join the names of a list, as tokens ("Monpa, Lhopa and Sherpa people").
CONJUNCTIONS = frozenset({"and", "or"})
#: Articles: a span NER starts with one loses it ("the Kremlin" -> "Kremlin").
ARTICLES = frozenset({"the", "a", "an"})
#: Articles a match key leaves out at the start of a name ("The Hague" = "Hague"), written in lower case,
#: capitalised or in capitals.
KEY_ARTICLES = ("the",)
#: Possessive endings, as tokens or at the end of a name: a name loses them ("Trump's", "Jesus'").
POSSESSIVE_ENDINGS = ("'s", "’s", "'", "’")
#: Possessive pronouns, which stand before a name's modifiers as determiners do ("its annual summit").
POSSESSIVE_PRONOUNS = frozenset({"its", "his", "her", "their", "our", "my", "your"})
#: Head nouns of named events ("the Cairo summit", "60th anniversary of ..."); a spaCy component
#: (``components.EventFinder``) grows a name around them.
# fmt: off
EVENT_HEADS = frozenset({
    "conference", "anniversary", "festival", "gala", "summit", "forum", "congress", "election", "elections", "games",
    "olympics", "championship", "championships", "expo", "exposition", "fair", "ceremony", "convention", "symposium",
    "plenary", "assembly", "session", "celebration", "celebrations", "parade", "marathon", "tournament", "cup", "war",
    "uprising", "revolution", "referendum", "meeting", "talks", "dialogue", "exhibition", "carnival",
})
# fmt: on
#: Prepositions whose object is part of an event's name ("conference on X", "anniversary of Y").
EVENT_NAME_PREPOSITIONS = frozenset({"of", "on", "for"})
#: Prepositions whose place is part of a name only after a named thing ("Democratic Reform in Xizang").
NAMED_PLACE_PREPOSITIONS = frozenset({"in", "at"})
#: Words an event name's left modifiers never reach past: determiners and possessives.
EVENT_LEFT_STOPS = DETERMINERS | POSSESSIVE_PRONOUNS | {"'s", "’s"}
#: Words an event name never ends with, where the parse reaches them ("the summit and", "the Games in").
EVENT_TRIM = CONJUNCTIONS | {"the", "in", "at", "on", "of", "for", "to", "with", "by", "from"}
#: Nouns after a list of names that make them peoples ("Monpa, Lhopa and Sherpa people"), not persons or places.
# fmt: off
GROUP_NOUNS = frozenset({
    "people", "peoples", "ethnic", "ethnicities", "nationalities", "tribes", "tribe", "minorities", "communities",
    "groups",
})
# fmt: on
#: How month names start, as datelines abbreviate them ("LHASA, Aug. 29"); any case, any ending ("August").
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
#: Days that may follow a dateline's place ("LHASA, Monday --").
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
#: Administrative words after a place name that do not change which place is meant ("Shannan City" =
#: "Shannan"); "state" and "county" do ("Washington State", "Washington County" are not Washington, D.C.).
# fmt: off
PLACE_SUFFIXES = (
    "city", "province", "autonomous region", "special administrative region", "region", "prefecture", "district",
    "municipality", "township", "governorate", "oblast", "dc",
)
# fmt: on
#: The same, before a place name ("People's Republic of China" = "China"). Not "city of": in English it is
#: often a local government area's own name, a place apart ("City of London", "City of Westminster", "City of
#: Melbourne" are not London, Westminster, Melbourne).
PLACE_PREFIXES = ("people's republic of", "republic of", "kingdom of", "state of", "commonwealth of")
#: Words that follow an organization name's head noun ("Communist Party of China": the head is "party").
HEAD_COMPLEMENTS = ("of", "for")
#: British and American spellings of one word, as (regex, replacement) applied in turn to a lower-case name
#: ("organisation" = "organization", "defence" = "defense", "centre" = "center"). Not -our/-or: the Labour
#: and the Labor Party are two parties.
SPELLINGS = ((r"isation\b", "ization"), (r"yse\b", "yze"), (r"tre\b", "ter"), (r"ence\b", "ense"), (r"ogue\b", "og"))
#: Head nouns an organization's name is as often written without ("the Labour Party" = "Labour").
OMITTED_HEADS = frozenset({"party"})
#: Countries whose first-level subdivisions (states, provinces, nations) are well-known places to English news.
SUBDIVISIONS_OF = ("US", "GB", "CA", "AU", "IN")
#: How a credit or sponsor line starts (as written, any case): kept for its names, never taken as the title.
CREDIT_STARTS = ("Sponsored by", "Copyright", "Photo:")
#: Labels of a source or timestamp line ("Source: Xinhua", as written, any case): page furniture.
SOURCE_LABELS = ("Source", "Editor", "Editors", "Updated", "Published", "Posted", "Web editor", "Responsible editor")
#: Navigation links, a line each: page furniture.
# fmt: off
#: The buttons of a page's share bar ("Send Facebook Twitter Google+ Whatsapp ... Permalink"): a run of four
#: or more of them is furniture, however the scraper glued it to the text.
SHARE_BUTTONS = frozenset({
    "send", "share", "email", "e-mail", "mail", "print", "permalink", "facebook", "twitter", "google+",
    "whatsapp", "tumblr", "linkedin", "stumble", "stumbleupon", "digg", "reddit", "newsvine", "pinterest",
    "messenger", "telegram", "vk", "xing", "flipboard", "pocket", "delicious", "buffer", "sms",
})
NAVIGATION = frozenset({
    "top", "back to top", "home", "share", "print", "email", "menu", "next", "previous", "more", "related",
    "related news", "read more", "advertisement", "comments", "close", "subscribe",
})

# One first name in the romanizations English text uses for Russian, Ukrainian and other Cyrillic names
# (BGN/PCGN, ISO 9, the press's own): "Sergei" = "Sergey", "Aleksei" = "Alexey", "Yuliya" = "Yulia". Each
# (regex, replacement) applies in turn to a lower-case first name; two names equal after them are one.
ROMANIZATIONS = (
    (r"ks", "x"), (r"iy(?=[aeou])", "i"), (r"y(?=[aeou])", "i"), (r"(?:ey|ei|iy|ii|yi|y)$", "i"),
)
# fmt: on
#: Nouns that name a role or position held in an organization or a place, an office a country gives too:
#: what a relation of kind "role" keeps ("chairman of X", "Microsoft CEO Satya Nadella", "Russian President
#: X"; nlp/relations.py). One word each: the words
#: before it in the text complete it ("prime minister", "foreign minister").
# fmt: off
ROLES = frozenset({
    "president", "vice-president", "president-elect", "chairman", "chairwoman", "chair", "chairperson", "ceo", "cfo",
    "coo", "founder", "co-founder", "owner", "director", "head", "chief", "leader", "member", "secretary",
    "minister", "chancellor", "premier", "governor", "mayor", "senator", "congressman", "congresswoman",
    "representative", "mp", "mep", "td", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson",
    "adviser", "advisor", "commissioner", "commander", "king", "queen", "prince", "princess", "emir", "sheikh",
    "pope", "bishop", "archbishop", "cardinal", "judge", "prosecutor", "attorney", "official", "officer",
    "deputy", "candidate", "nominee", "delegate", "lawmaker", "legislator", "speaker", "treasurer", "aide",
    "taoiseach", "tanaiste", "monarch", "dictator", "sheriff", "general", "colonel", "marshal", "inspector",
})
#: Occupations: held in an organization ("an analyst at Huatai Securities", "CNN correspondent X"), but
#: before a demonym only a nationality ("German scientist X" is no position in Germany).
OCCUPATIONS = frozenset({
    "editor", "correspondent", "reporter", "columnist", "anchor", "host", "executive", "manager", "coach",
    "captain", "player", "striker", "goalkeeper", "professor", "analyst", "researcher", "economist", "scientist",
    "expert", "scholar", "fellow", "lecturer", "dean", "rector", "meteorologist", "strategist", "agent",
    "engineer", "lawyer", "partner", "consultant", "imam", "rabbi", "priest", "pastor", "chaplain",
})
# fmt: on
#: Verbs (lemmas) whose object is what was said, never a party to a relation ("Collins said DeVos ...");
#: verbs that name an addressee ("told", "asked", "urged") are not among them.
QUOTING_VERBS = frozenset({"say", "add", "write", "tweet", "explain", "argue", "insist", "claim", "note", "reply"})
#: Verbs (lemmas) whose meaning is in their object noun, which the predicate keeps ("made remarks at X",
#: "held talks with X", "took part in X", "paid a visit to X").
LIGHT_VERBS = frozenset({"make", "take", "give", "hold", "pay", "deliver"})
#: Prepositions whose object is a party to what a verb without a direct object says ("travelled to X",
#: "met with X", "withdrew from X", "fought against X"); others mostly attach a time, a cause or a purpose
#: ("granted for", "killed as", "said over") and make no relation. "in", "at", "on" take events only
#: ("spoke at the summit"): a place after them is where it happened.
PARTY_PREPOSITIONS = frozenset({"to", "into", "from", "with", "against", "toward", "towards", "onto", "at", "in", "on"})
#: Head nouns of the names of administrative areas ("Nang County", "Xizang Autonomous Region"): a place
#: written after another and a comma contains it only if it is a country, a known subdivision or named so.
# fmt: off
ADMINISTRATIVE_NOUNS = frozenset({
    "county", "state", "province", "region", "prefecture", "district", "municipality", "township", "governorate",
    "oblast", "territory", "canton", "borough", "parish", "krai", "republic", "emirate", "voivodeship",
})
# fmt: on
#: Words of direction that may stand between a place and its container ("Lhasa, southwest China's Xizang").
# fmt: off
COMPASS_WORDS = frozenset({
    "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western", "northeast",
    "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern",
    "north-east", "north-west", "south-east", "south-west", "upper", "lower",
})
# fmt: on

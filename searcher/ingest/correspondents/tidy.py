"""Editors' marks out of a title before it is read: notes ("[Undated]", "(Excerpt)"), joining
words and authors in brackets ("[between]", "[from Mao Zedong]"), given names and possessives
the editor added ("[Edgar] Snow", "[Mao Zedong's]"), classifications, dates in brackets.
"""

from __future__ import annotations

import re

#: Editors' notes in a title: "[Undated]", "[sic]", "(Excerpt)", "(Translation)", "(including
#: excerpts from ...)", "[Approved for Release May 6, 2019]".
_EDITORIAL = re.compile(
    r"[\[(](?:undated|no date|n\.\s*d\.|date unknown|sic|illegible|excerpts?|exerpts?|"
    r"fragments?|abridged|(?:unofficial\s+|partial\s+)?translation|translated|summary|copy|"
    r"original|draft|abstract|transcript)[\])]|\((?:including|with)\s[^)]*\)|"
    r"\[(?:approved\s+for\s+release|declassified|sanitized)\b[^\]]*\]",
    re.IGNORECASE,
)
#: An editor's bracket around a joining word: "Record of a Conversation [between] A and B".
_BRACKETED_WORD = re.compile(r"\[(between|with|and|of|to|from|by|for)\]", re.IGNORECASE)
#: An editor's author or addressee in brackets: "Directive [from Mao Zedong] Regarding ...",
#: "Information [for Gustav Husak] on the Progress ...".
_BRACKETED_AUTHOR = re.compile(r"\[((?:from|by|for)\s[^\[\]]+)\]", re.IGNORECASE)
#: A further party the editor adds in brackets: "Conversation with Mao Zedong [and Beqir Balluku]".
_BRACKETED_PARTY_ADDED = re.compile(r"\s*\[((?:and|with)\s[^\[\]]+)\]", re.IGNORECASE)
#: Handling marks after the correspondents: ", TOP SECRET, No. 76.020, Flash".
_HANDLING = re.compile(
    r"(?:,\s*(?:(?:top\s+|strictly\s+)?secret|(?:strictly\s+)?confidential|flash|immediate|"
    r"priority|routine|urgent|no\.?\s*\d[\w./-]*))+$",
    re.IGNORECASE,
)
#: An editor's note of the subject: "Memorandum by Frank Aiken [on an Interview with ...]".
_SUBJECT_NOTE = re.compile(r"\[(?:on|about|regarding|concerning|re:?)\s[^\]]*\]", re.IGNORECASE)
#: An editor's note of a talk with someone, which names its parties: "[on an Interview with A]".
_TALK_NOTE = re.compile(
    r"\[((?:on|about)\s+(?:an?\s+|the\s+)?(?:conversation|meeting|interview|talk|discussion)s?"
    r"\s+with\s[^\]]*)\]",
    re.IGNORECASE,
)
#: A party the editor names whole in brackets: "Conversation between [the Soviet Ambassador]
#: and [Premier Kim Il Sung]".
_BRACKETED_PARTY = re.compile(
    r"(?:(?<=between )|(?<=and )|(?<=with )|(?<=of )|(?<=by ))\[([^\[\]]+)\]"
    r"(?=\s+(?:and|with)\s|\s*[,;]|$)",
    re.IGNORECASE,
)
#: An editor's given name inside a name: "American Writer [Edgar] Snow".
_GIVEN_NAME = re.compile(r"\[([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,4})\]\s+(?=[A-Z])")
#: A date or a number in brackets: "(2 October 1963)", "Conversation with Kim Yeong-ju (2)";
#: not an official by his ordinal office ("(1st Secretary V. Nemchinov)").
_NUMBERED = re.compile(r"\s*[(\[]\d(?!\d*(?:st|nd|rd|th)\s)[^)\]]*[)\]]")
#: The district after Washington: "Telegram from Washington, DC, No. 084.605".
_DISTRICT = re.compile(r",?\s+D\.?\s?C\.?(?=[\s,;:)\]]|$)")


#: "Conversation from [Mao Zedong's] Audience": the editor's possessive, out of its brackets
#: (not a gloss after another possessive: "The Chancellor's [Helmut Kohl's] ...").
_BRACKETED_HOST = re.compile(r"(?<!['’]s )\[([^\[\]]+?['’]s)\]")
#: A classification before a title: "Secret North Vietnam Politburo Cable No. 320".
_CLASSIFIED = re.compile(
    r"^(?:(?:top|strictly)\s+)?(?:secret|confidential)\s+(?=(?-i:[A-Z]))", re.I
)
_AD_INTERIM = re.compile(r"\s+ad\s+interim\b", re.IGNORECASE)


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
#: The document's date after a comma at the end: ", 12 May 1960", ", July 7, 1972", ", 1956".
_TRAILING_DATE = re.compile(
    rf",\s*(?:(?:\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s+)?(?:{_MONTHS})\s+|(?:{_MONTHS})\s+"
    rf"\d{{1,2}},\s*)?\d{{4}}$"
)


def _unbracket_author(match: re.Match[str]) -> str:
    """The editor's author or addressee out of brackets; an addressee after a recipient is a
    further one: "to the CC CPSU [for Suslov]" is "to the CC CPSU, for Suslov"."""
    words = match[1]
    if words[:4].casefold() == "for " and " to " in match.string[: match.start()]:
        return f", {words}"
    return words


#: A party whose name the archive withholds, with the office before it: "Deputy Chief
#: [withheld]"; written in lower case, it names nobody.
_WITHHELD = re.compile(
    r"(?:\b[A-Z][\w.-]*\s+){0,3}[\[(](?i:(?:name\s+)?(?:withheld|redacted|deleted))[\])]"
)


#: "from" mistyped after a document's type: "Note form the Embassy of ...".
_FORM = re.compile(
    r"\b(note|letter|cable|telegram|report|message|memorandum)\s+form\s+(?=the\s)", re.I
)
#: An editor's completion of an office, out of its brackets: "the President [of AMCOMLIB]".
_COMPLETED_OFFICE = re.compile(r"\[(of\s[^\[\]]+)\]")
#: A memorandum's number and subject line at its end: "..., No. 16, Subject: Procurement".
_NUMBER_AND_SUBJECT = re.compile(r"(?:,\s*No\.\s*\d+)?,\s*Subject:\s*[^'\"‘“]*$")


def _once(title: str) -> str:
    """A title the page printed twice in a row, once."""
    half = len(title) // 2
    return title[:half] if len(title) % 2 == 0 and title[:half] == title[half:] else title


def tidy(title: str) -> str:
    """A title without editors' notes, joining words out of brackets, spaces made single."""
    title = _FORM.sub(r"\1 from ", _WITHHELD.sub("someone withheld", _once(title.strip())))
    title = _BRACKETED_AUTHOR.sub(_unbracket_author, _CLASSIFIED.sub("", title))
    title = _HANDLING.sub("", _BRACKETED_PARTY_ADDED.sub(r" \1", title))
    text = _SUBJECT_NOTE.sub(" ", _TALK_NOTE.sub(r"\1", _EDITORIAL.sub(" ", title)))
    text = _BRACKETED_PARTY.sub(r"\1", _BRACKETED_WORD.sub(r"\1", text))
    text = _BRACKETED_HOST.sub(r"\1", _AD_INTERIM.sub("", text))
    text = _NUMBERED.sub(" ", _GIVEN_NAME.sub(r"\1 ", text))
    text = _TRAILING_DATE.sub("", " ".join(_DISTRICT.sub("", text).split()))
    text = _NUMBER_AND_SUBJECT.sub("", _COMPLETED_OFFICE.sub(r"\1", text))
    return text.strip(" .")

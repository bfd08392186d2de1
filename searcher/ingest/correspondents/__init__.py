"""Who wrote to whom: senders, recipients, intermediaries and participants from a title.

Titles carry correspondents in a few shapes: "Cable, Stalin to Mao Zedong [via Kovalev]",
"Telegram from Mao Zedong to Filippov (Stalin)", "Letter of/by A to B", "Telegram to A
from B", "Memorandum for the President from A", "A's Telegram to B", "Hungarian Embassy in
the DPRK, Report", "Memorandum of Conversation between A and B", "Minutes of Conversation,
A and B", "Record of a Conversation of A with B", "From the Journal of A: Record of
Conversation with B".  How they are read:

- Names come back canonical, through the name authority; a glossed pseudonym gives the
  person in the gloss ("Filippov [Stalin]" is Stalin) unless the name before the gloss is
  itself a canonical name ("Stalin [Kuznetsov]": Stalin, signing as Kuznetsov).
- Offices before a name go ("Soviet Ambassador to the DPRK Shtykov" is Shtykov, and its
  "to" is no recipient); an office alone stands for its holder ("the Soviet Consul General
  in Urumqi"); bodies are kept as written ("Embassy of Hungary in North Korea"), with
  a signing person's gloss ("Czechoslovak Embassy in Havana (Pavlíček)").
- Lists with commas, "and" and "cc:" give several names; "and others", places and dates
  beside names ("Beijing, Mao Zedong"; "..., Havana, 5 November 1962") are dropped.
- A speaker or author is the sender: "Speech by A at ...", "Statement of A", "A's Secret
  Speech"; a diarist is a sender, or a participant when the entry records a conversation.
- Conversations name participants, not senders; a meeting of a body names nobody ("Minutes
  of the Meeting of the CPSU CC Presidium").
- Messages quoted inside the document ("transmitting a Message from A to B") and quoted
  subjects ("Cable from A, 'Reactions to the Moscow Conference'") are not correspondents.

The modules: ``words`` (the word lists, data in ``searcher/data/title-*.txt``), ``word_kinds``
(what one word can be: a nationality's, a surname's), ``tidy`` (editors' marks out of a title),
``offices`` (offices before or for their holders), ``title_names`` (names in a piece of a
title), ``described`` (a person named after a description, or a description after a name),
``groups`` (people named as a group in lower case), ``longer_names`` (a known name inside a
longer one), ``pieces`` (what a piece between commas is), ``kinds`` (the lexicon of document
kinds and how each names its maker), ``listed`` (the parties a record lists),
``conversations`` (who took part in a conversation, a meeting or an audience), ``authors``
(documents read by their authors), ``occasions`` (a speaker named with where he spoke),
``subjects`` (a maker named before only a subject), ``delivered`` (who handed a document to
whom), ``quoted`` (a title quoting another), ``routes`` (the places a message went between),
``shapes`` (the shapes of whole titles), ``joined`` (documents joined by a semicolon, makers by
a slash), ``plausible`` (the last check on every party found: a request, an event, a subject
or a date is no correspondent) and ``roles`` (the result, and the page's own author fields).

>>> from searcher.names import default_authority
>>> parse_title("Cable, Filippov [Stalin] to Mao Zedong", default_authority()).sender
('Stalin',)
"""

from searcher.ingest.correspondents.joined import read_joined
from searcher.ingest.correspondents.plausible import gate
from searcher.ingest.correspondents.roles import Correspondents, merge_authors
from searcher.ingest.correspondents.shapes import read_title
from searcher.names import NameAuthority


def parse_title(title: str, authority: NameAuthority) -> Correspondents:
    """Senders, recipients, intermediaries and participants a title names (canonical), each
    one a value that can be a correspondent."""
    return gate(read_joined(title, authority, read_title))


__all__ = ["Correspondents", "merge_authors", "parse_title"]

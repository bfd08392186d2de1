"""The query language as users read it (``search query --help`` and the README)."""

SYNTAX_HELP = """\
Query syntax (case does not matter, except for the operators AND, OR, NOT):

  armistice negotiations        both words (words side by side must ALL match)
  "demarcation line"            the exact phrase
  "armistice negotiations"~5    both words within 5 words of each other
  truce OR armistice            either word
  NOT Korea   -Korea            exclude a word;  -"Korean War" excludes a phrase
  +truce                        required (the same as a plain word)
  (truce OR armistice) Panmunjom
                                NOT binds tighter than AND, AND tighter than OR
  negotiat*  Kim Il*  Gromyk?   wildcards: * any letters, ? one letter
  Filipov~  Filipov~2           near spellings: 1 edit (or up to 2; ~3 is refused)
  *                             every document (a query of operators alone is an error)

Fields (field:word, field:"a phrase", field:(a OR b)):
  title:telegram  body:armistice  summary:  citation:  source:
  sender:mao  recipient:stalin  via:roshchin  participant:  person:
  subject:"Korean War"  place:Korea  language:Russian  collection:  archive:
  type:telegram  classification:  record_id:  layout:  precision:
  Fields of names and labels match whole values or words of them: sender:mao
  finds "Mao Zedong".  A colon after a number is plain text (13:40); quote other
  words with a colon to search them as written ("re:telegram").

Dates (a document matches when its date overlaps the range):
  date:1951-11-14  date:1951-11  date:1951  date:1950s
  date:1950..1953  date:1950-06..1953-07  date:..1950  date:1953..
  year:1951  decade:1950
  "August 1949" is found by date:1949-08-15..1949-09-30.

Names: a person is searched under all known names, so Stalin also finds
  "Filippov" and "Feng Xi", and "Mao Tse-tung" finds "Mao Zedong"; sender:Filippov
  finds documents sent by Stalin.  --exact searches names only as written.
"""

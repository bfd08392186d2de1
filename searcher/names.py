"""The name authority: one canonical name per person, and every way it is written.

Used twice: at ingest, so a person is counted once however a page writes the name, and at
query time, so ``Stalin`` also finds pages that only say "Filippov".  The list ships in
``searcher/data/names.tsv`` (its header explains the format and the choice of canonical
forms); users may add files of their own in the same format.

>>> names = default_authority()
>>> names.canonical("Cde. Filippov"), names.canonical("Chiang, Ching-kuo (Jiang Jingguo)")
('Stalin', 'Chiang Ching-kuo')
>>> names.canonicalize("Bitterlich, Joachim"), names.canonicalize("Ivanov, Pyotr")
('Bitterlich', 'Pyotr Ivanov')
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from searcher.errors import StorageError

__all__ = ["NameAuthority", "default_authority", "display_name", "name_tokens"]


#: Marks a variant that is recognised but never searched for ("~Baker").
QUIET = "~"


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: Words of address dropped before a name ("Cde. Filippov", "Comrade Stalin").
HONORIFICS = _word_set(
    "cde cdes comrade comrades tov mr mrs ms messrs dr prof professor sir lord lady madame "
    "mme mister herr frau monsieur the"
)
#: Offices and nationalities that may stand before a name ("British PM Blair").
OFFICES = _word_set(
    "president premier chairman chancellor ambassador general gen marshal minister prime pm "
    "foreign defense defence national secretary state deputy vice first chief commander "
    "admiral colonel col lieutenant lt captain king queen emperor prince pandit leader consul "
    "envoy counselor counsellor chargé charge affaires of party central committee "
    "soviet chinese british american russian german japanese korean polish portuguese french "
    "ukrainian kazakh indian romanian hungarian czech czechoslovak bulgarian vietnamese "
    "mongolian albanian yugoslav italian spanish cuban east west north south us uk"
)
_FOLD = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "ı": "i",
        "'": "",
        "’": "",
        "‘": "",
        "ʼ": "",
        "`": "",
    }
)
_WORD = re.compile(r"[^\W_]+")
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
#: Life dates after an inverted name, as in catalogue headings: "Castro, Fidel, 1926-2016",
#: "Nagy, Imre, 1896-1958", "Kim, Il-sung, 1912-1994", "Roca, Blas, b. 1908", "(1893-1976)".
_LIFE_DATES = re.compile(
    r"(?:,\s*|\s+\(\s*)(?:(?:b|d|born|died|ca|fl)\.?\s*)?\d{3,4}\??\s*(?:[-–]\s*(?:\d{3,4}\??)?)?"
    r"\s*\)?\s*$"
)
_GLOSS = re.compile(r"\[([^\]]*)\]|\(([^)]*)\)|[\"“]([^\"”]*)[\"”]")
_LEADING_HONORIFIC = re.compile(
    r"^(?:(?:cdes?|comrades?|tov|mr|mrs|ms|messrs|dr|prof|sir|mme|herr|frau|monsieur)\.?\s+)+",
    re.IGNORECASE,
)
#: Family names that come first when an unknown East Asian name is turned to display order.
_EAST_ASIAN_FAMILY = _word_set(
    "zhou mao liu deng lin chen wang li zhang zhu peng gao hu xi jiang chiang kim pak park "
    "lee yi choi choe kang ho nguyen pham tran le vo sato tanaka suzuki takahashi watanabe "
    "ito yamamoto nakamura kobayashi kato yoshida yamada sasaki matsumoto inoue kimura "
    "hayashi shimizu nakajima ikeda ohira kishi miki fukuda nakasone hatoyama kawase ushiba "
    "song sun wu xu huang zhao ma yang tang cai kong dong su ye luo yu guo he qian zeng rao "
    "bo tao kao chou teng chu liao ren wei fu han shen jin ji yao tian zou pan ye"
)


def name_tokens(text: str) -> list[str]:
    """The words of a name as the authority compares them: no case, accents or punctuation."""
    text = _POSSESSIVE.sub("", text).translate(_FOLD)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return _WORD.findall(text.casefold())


#: Articles joined to a family name, which a list may write or leave out ("al-Qaddafi" is
#: Qaddafi, "Anwar el-Sadat" Sadat).
_PARTICLES = _word_set("al el ad as ash at ar az ud ul ed os ol od")


def _without_particles(tokens: list[str]) -> list[str]:
    """A name's words without the articles before its family name."""
    return [t for i, t in enumerate(tokens) if t not in _PARTICLES or i == len(tokens) - 1]


def _strip_leading(tokens: list[str], words: frozenset[str]) -> list[str]:
    start = 0
    while start < len(tokens) - 1 and tokens[start] in words:
        start += 1
    return tokens[start:]


class NameAuthority:
    """Canonical names and their variants; build with :meth:`load` or from entries."""

    def __init__(self, entries: Iterable[Sequence[str]] = ()) -> None:
        self._variants: dict[str, list[str]] = {}
        self._by_key: dict[str, str] = {}
        self._by_compact: dict[str, str] = {}
        self._max_tokens = 1
        self._cache: dict[str, str | None] = {}
        self._quiet: set[str] = set()
        for entry in entries:
            self.add(entry[0], entry[1:])

    @classmethod
    def load(cls, extra_files: Iterable[Path] = ()) -> NameAuthority:
        """The package's list, extended or overridden by the users' files, in order."""
        authority = cls()
        text = (Path(__file__).parent / "data" / "names.tsv").read_text("utf-8")
        authority.add_text(text)
        for path in extra_files:
            authority.add_text(Path(path).read_text("utf-8"))
        return authority

    def add_text(self, text: str) -> None:
        """Add the entries of a names file: canonical name, then variants, tab-separated."""
        for line in text.splitlines():
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            parts = [part.strip() for part in line.split("\t") if part.strip()]
            self.add(parts[0], parts[1:])

    def add(self, canonical: str, variants: Iterable[str] = ()) -> None:
        """Add a person, or more forms of one; a form known under another name moves here.

        A variant written with a leading ``~`` ("~Baker") is recognised when reading pages
        but never added to a query: alone it is a common word or names many people.
        """
        self._cache.clear()
        forms = self._variants.setdefault(canonical, [canonical])
        for form in (canonical, *variants):
            if form.startswith(QUIET):
                form = form[len(QUIET) :].strip()
                self._quiet.add(form)
            tokens = name_tokens(form)
            if not tokens:
                continue
            key = " ".join(tokens)
            previous = self._by_key.get(key)
            if previous is not None and previous != canonical:
                self._variants[previous] = [
                    v for v in self._variants[previous] if " ".join(name_tokens(v)) != key
                ]
            self._by_key[key] = canonical
            self._by_compact["".join(tokens)] = canonical
            self._max_tokens = max(self._max_tokens, len(tokens))
            if form not in forms:
                forms.append(form)

    def __len__(self) -> int:
        return len(self._variants)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.canonical(name) is not None

    def names(self) -> tuple[str, ...]:
        """Every canonical name."""
        return tuple(self._variants)

    def _lookup(self, tokens: list[str]) -> str | None:
        if not tokens:
            return None
        found = self._by_key.get(" ".join(tokens)) or self._by_compact.get("".join(tokens))
        if found is None:
            without_initials = [t for t in tokens if len(t) > 1]
            if without_initials and len(without_initials) < len(tokens):
                found = self._by_key.get(" ".join(without_initials))
        return found

    def _by_surname(self, surname: list[str], given: list[str]) -> str | None:
        """A person known by surname alone, when the given names do not contradict it."""
        found = self._by_key.get(" ".join(surname))
        if found is None or name_tokens(found) != surname:
            return None
        initials = {
            tokens[0][0]
            for v in self._variants[found]
            if len(tokens := name_tokens(v)) > 1 and tokens[-len(surname) :] == surname
        }
        if given and initials and given[0][0] not in initials:
            return None
        return found

    def canonical(self, name: str) -> str | None:
        """The canonical name of a known person however written, or ``None`` if unknown."""
        if name in self._cache:
            return self._cache[name]
        found = self._resolve(name)
        if len(self._cache) < 100_000:
            self._cache[name] = found
        return found

    def _resolve(self, name: str) -> str | None:
        name = without_life_dates(name)
        glosses = [next(g for g in m.groups() if g is not None) for m in _GLOSS.finditer(name)]
        main = _GLOSS.sub(" ", name)
        surname_part, comma, given_part = main.partition(",")
        tokens = name_tokens(main)
        surname, given = name_tokens(surname_part), name_tokens(given_part)
        candidates = [tokens, _strip_leading(tokens, HONORIFICS)]
        if comma and given:
            candidates.append(given + surname)
        for gloss in glosses:
            gloss_tokens = name_tokens(gloss)
            candidates.append(_strip_leading(gloss_tokens, HONORIFICS))
            if comma and gloss_tokens:
                candidates.append(gloss_tokens + surname)
        candidates.append(_strip_leading(tokens, HONORIFICS | OFFICES))
        candidates.append(_without_particles(candidates[-1]))
        for candidate in candidates:
            if found := self._lookup(candidate):
                return found
        if comma and surname:
            return self._by_surname(surname, given)
        return None

    def canonicalize(self, name: str) -> str:
        """The canonical name, or the input tidied: honorifics and glosses dropped, an
        inverted "Surname, Given" turned to display order (East Asian names family first).
        """
        if found := self.canonical(name):
            return found
        return display_name(name)

    def variants(self, name: str) -> tuple[str, ...]:
        """Every written form of a known person (canonical first), or ``()``."""
        found = self.canonical(name)
        return tuple(self._variants[found]) if found else ()

    def expansions(self, text: str) -> tuple[str, tuple[str, ...]] | None:
        """For a query word or phrase naming a known person: (canonical, the variants worth
        searching too, which leave out the quiet ``~`` forms)."""
        found = self.canonical(text)
        if found is None:
            return None
        return found, tuple(v for v in self._variants[found] if v not in self._quiet)

    def find_names(self, text: str) -> tuple[str, ...]:
        """Canonical names of the known people a text mentions, in order, each once."""
        tokens = name_tokens(text)
        found: dict[str, None] = {}
        i = 0
        while i < len(tokens):
            for n in range(min(self._max_tokens, len(tokens) - i), 0, -1):
                canonical = self._by_key.get(" ".join(tokens[i : i + n]))
                if canonical is not None:
                    found[canonical] = None
                    i += n
                    break
            else:
                i += 1
        return tuple(found)


def without_life_dates(name: str) -> str:
    """A name without the life dates a catalogue heading adds ("Stalin, Joseph, 1879-1953")."""
    return _LIFE_DATES.sub("", name) if any(c.isdigit() for c in name) else name


def display_name(name: str) -> str:
    """A written name tidied for display, without consulting any list."""
    text = _POSSESSIVE.sub("", _GLOSS.sub(" ", without_life_dates(name)))
    text = _LEADING_HONORIFIC.sub("", " ".join(text.split())).strip(" ,;:")
    surname, comma, given = (part.strip() for part in text.partition(","))
    if not comma or not given or not surname:
        return text
    if "-" in given or (surname.lower() in _EAST_ASIAN_FAMILY and " " not in given):
        return f"{surname} {given}"
    return f"{given} {surname}"


@lru_cache(maxsize=1)
def default_authority() -> NameAuthority:
    """The package's name list plus the users' files named in $SEARCHER_NAMES (separated
    like PATH), loaded once."""
    extra = [Path(p) for p in os.environ.get("SEARCHER_NAMES", "").split(os.pathsep) if p]
    try:
        return NameAuthority.load(extra)
    except OSError as exc:
        raise StorageError(f"cannot read names file {exc.filename}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise StorageError("a names file in $SEARCHER_NAMES is not UTF-8 text") from None

"""The name authority: canonical names however a page or a user writes them."""

import pytest

from searcher.names import NameAuthority, default_authority, name_tokens


@pytest.fixture(scope="module")
def names():
    return default_authority()


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Stalin", "Stalin"),
        ("Filippov", "Stalin"),
        ("Cde. Filippov", "Stalin"),
        ("Comrade FILIPPOV", "Stalin"),
        ("Flippov", "Stalin"),
        ("Feng Xi", "Stalin"),
        ("I. V. Stalin", "Stalin"),
        ("J.V. Stalin", "Stalin"),
        ("Stalin, Joseph", "Stalin"),
        ("Iosif Stalin", "Stalin"),
        ("Mao, Zedong", "Mao Zedong"),
        ("Mao Tse-tung", "Mao Zedong"),
        ("Chou En-lai", "Zhou Enlai"),
        ("Chiang, Ching-kuo (Jiang Jingguo)", "Chiang Ching-kuo"),
        ("Chiang, Kai-shek (Jiang Jieshi)", "Chiang Kai-shek"),
        ("Jiang Jieshi", "Chiang Kai-shek"),
        ("Satō, Eisaku", "Sato Eisaku"),
        ("Satō", "Sato Eisaku"),
        ("Roschin", "Roshchin"),
        ("Shtytkov", "Shtykov"),
        ("Kim Il-sung", "Kim Il Sung"),
        ("P'eng Te-huai", "Peng Dehuai"),
        ("Liu Shao-ch'i", "Liu Shaoqi"),
        ("G.M. Malenkov", "Malenkov"),
        ("Vyshinskii", "Vyshinsky"),
        ("Andrei Orlov", "Terebin"),
        ('Blair, Anthony Charles Lynton ("Tony")', "Blair"),
        ("Guterres, António Manuel de Oliveira", "Guterres"),
        ("Kwaśniewski, Aleksander", "Kwasniewski"),
        ("Nazarbayev, Nursultan Abishuly", "Nazarbayev"),
        ("Nehru, Jawaharlal", "Nehru"),
        ("British PM Blair", "Blair"),
        ("N.S. Khrushchev", "Khrushchev"),
        ("Khrushchov", "Khrushchev"),
        ("Chruschtschow", "Khrushchev"),
        ("Khrushchev, Nikita Sergeevich", "Khrushchev"),
        ("Breshnev", "Brezhnev"),
        ("Gorbatschow", "Gorbachev"),
        ("Gomulka", "Gomułka"),
        ("Gomułka, Władysław", "Gomułka"),
        ("Janos Kadar", "Kádár"),
        ("Ceausescu", "Ceaușescu"),
        ("Ceauşescu, Nicolae", "Ceaușescu"),
        ("Dubcek", "Dubček"),
        ("Lech Walesa", "Wałęsa"),
        ("Mao Tsetung", "Mao Zedong"),
        ("Chairman Mao", "Mao Zedong"),
        ("Premier Zhou", "Zhou Enlai"),
        ("Chiang Chieh-shih", "Chiang Kai-shek"),
        ("Kao Kang", "Gao Gang"),
        ("Chu Teh", "Zhu De"),
        ("Teng Hsiao-ping", "Deng Xiaoping"),
        ("Lin Piao", "Lin Biao"),
        ("Hua Kuo-feng", "Hua Guofeng"),
        ("Ho, Chi Minh", "Ho Chi Minh"),
        ("Lê Duẩn", "Le Duan"),
        ("Pham Van Dong", "Pham Van Dong"),
        ("Rhee Syngman", "Syngman Rhee"),
        ("Pak Chong-hui", "Park Chung Hee"),
        ("Prince Sihanouk", "Norodom Sihanouk"),
        ("Soekarno", "Sukarno"),
        ("Gamal Abdel Nasser", "Nasser"),
        ("Castro", "Fidel Castro"),
        ("Castro, Raúl", "Raúl Castro"),
        ("Raul Castro", "Raúl Castro"),
        ("Kennedy, John F.", "John F. Kennedy"),
        ("Robert F. Kennedy", "Robert Kennedy"),
        ("Lyndon B. Johnson", "Lyndon Johnson"),
        ("U. Alexis Johnson", "U. Alexis Johnson"),
        ("Mrs. Gandhi", "Indira Gandhi"),
        ("Dulles", "John Foster Dulles"),
        ("Allen Dulles", "Allen Dulles"),
        ("George Bush", "George H. W. Bush"),
        ("Secretary of State Baker", "James Baker"),
        ("Carter", "Jimmy Carter"),
        ("Zbigniew Brzezinski", "Brzezinski"),
        ("Harold Wilson", "Harold Wilson"),
        # an article before the family name, written or not: "al-Qaddafi" is Qaddafi
        ("al-Qaddafi", "Qaddafi"),
        ("Muammar al Qaddafi", "Qaddafi"),
        ("el-Sadat", "Sadat"),
    ],
)
def test_canonical(names, written, canonical):
    assert names.canonical(written) == canonical


@pytest.mark.parametrize(
    "written",
    [
        "Ivanov",
        "Stalin, Vasily",
        "Mao, Anying",
        "Orlov",
        "",
        "Gandhi",
        "Wilson",
        "Major",
        "Marshall",
        "Brown",
        "Thompson",
        "Rogers",
        "Johnson, Andrew",
        "Castro, Juana",
    ],
)
def test_unknown_people_are_not_guessed(names, written):
    assert names.canonical(written) is None


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("Cde. Filippov", "Stalin"),
        ("Bitterlich, Joachim", "Bitterlich"),
        ("Ivanov, Pyotr", "Pyotr Ivanov"),
        ("Comrade Ivanov", "Ivanov"),
        ("Wei, Guoqing", "Wei Guoqing"),
        ("Pak, Chang-ok", "Pak Chang-ok"),
        ('Smith, John ("Jack")', "John Smith"),
    ],
)
def test_canonicalize_tidies_unknown_names(names, written, shown):
    assert names.canonicalize(written) == shown


def test_variants_and_expansions(names):
    variants = names.variants("Stalin")
    assert variants[0] == "Stalin"
    assert {"Filippov", "Feng Xi", "I.V. Stalin", "Joseph Stalin"} <= set(variants)
    assert names.variants("Filippov") == variants
    assert names.variants("Nobody In Particular") == ()
    assert names.expansions("Mao Tse-tung") == ("Mao Zedong", names.variants("Mao Zedong"))
    assert names.expansions("armistice") is None


def test_find_names_in_running_text(names):
    text = "Conversation with the President of Ukraine, Leonid Kuchma, and Cde. Filippov"
    assert names.find_names(text) == ("Kuchma", "Stalin")


def test_user_files_extend_and_override(tmp_path):
    extra = tmp_path / "mine.tsv"
    extra.write_text(
        "# my additions\nStalin\tKoba\nKuznetsov\tFyodor Kuznetsov\nYuri Orlov\tOrlov\n",
        encoding="utf-8",
    )
    names = NameAuthority.load([extra])
    assert names.canonical("Koba") == "Stalin"
    assert names.canonical("Filippov") == "Stalin"
    assert names.canonical("Orlov") == "Yuri Orlov"
    assert names.canonical("Fyodor Kuznetsov") == "Kuznetsov"


def test_a_form_moves_to_the_name_that_claims_it_last():
    names = NameAuthority([("Kovalev", "Kovalyov"), ("Kovalyov Junior", "Kovalyov")])
    assert names.canonical("Kovalyov") == "Kovalyov Junior"
    assert "Kovalyov" not in names.variants("Kovalev")


def test_every_line_of_the_package_file_is_well_formed():
    from importlib import resources

    text = resources.files("searcher").joinpath("data/names.tsv").read_text("utf-8")
    names = NameAuthority()
    names.add_text(text)
    for canonical in names.names():
        assert names.canonical(canonical) == canonical, canonical


#: Plain words (and very common surnames) that are also surnames of people in the list.
COMMON_WORDS = frozenset(
    ("baker", "bush", "carter", "ford", "johnson", "kennedy", "castro", "dulles", "wilson")
    + ("major", "begin", "marshall", "brown", "heath", "thompson", "rogers", "eden", "beam")
    + ("sato", "nagy", "schmidt", "assad", "bundy", "clinton", "king", "young", "white")
)


def test_a_query_never_grows_a_bare_common_word(names):
    """A search for "James Baker" must not also search the word "baker"."""
    for canonical in names.names():
        _, forms = names.expansions(canonical)
        bare = [form for form in forms if name_tokens(form) in ([w] for w in COMMON_WORDS)]
        assert not bare, (canonical, bare)


@pytest.mark.parametrize(
    ("written", "canonical"),
    [("Baker", "James Baker"), ("Bush", "George H. W. Bush"), ("Castro", "Fidel Castro")],
)
def test_quiet_forms_are_read_but_not_searched(names, written, canonical):
    assert names.canonical(written) == canonical
    assert written in names.variants(canonical)
    assert written not in names.expansions(canonical)[1]


def test_a_quiet_form_in_a_users_file():
    names = NameAuthority([("Harold Wilson", "~Wilson", "H. Wilson")])
    assert names.canonical("Wilson") == "Harold Wilson"
    assert names.expansions("Wilson") == ("Harold Wilson", ("Harold Wilson", "H. Wilson"))


def test_no_form_names_two_people_in_the_package_file():
    from importlib import resources

    text = resources.files("searcher").joinpath("data/names.tsv").read_text("utf-8")
    owner: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, *variants = line.split("\t")
        for form in (canonical, *variants):
            key = " ".join(name_tokens(form))
            assert owner.setdefault(key, canonical) == canonical, (form, owner[key], canonical)


def test_users_names_files_come_from_the_environment(monkeypatch, tmp_path):
    from searcher.errors import StorageError
    from searcher.names import default_authority

    mine = tmp_path / "mine.tsv"
    mine.write_text("# my own pseudonyms\nKennan\tMr. X\n", encoding="utf-8")
    monkeypatch.setenv("SEARCHER_NAMES", str(mine))
    default_authority.cache_clear()
    try:
        authority = default_authority()
        assert authority.canonical("Mr. X") == "Kennan"
        assert authority.canonical("Filippov") == "Stalin"  # the package's list still holds
        monkeypatch.setenv("SEARCHER_NAMES", str(tmp_path / "missing.tsv"))
        default_authority.cache_clear()
        with pytest.raises(StorageError, match="missing.tsv"):
            default_authority()
    finally:
        default_authority.cache_clear()

"""The learned mapper's features and scores against scikit-learn's TF-IDF on the same features.

graphkit builds its TF-IDF rows itself, as array work over the word types of a batch, so that
extraction needs no scikit-learn; scikit-learn's ``TfidfVectorizer`` (sublinear counts, smoothed
idf, rows of unit length), given the same features, is the reference here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from graphkit.extract.features import (
    PLACEHOLDER,
    Vectorizer,
    clause_parts,
    clauses,
    letter_runs,
    verb_spans,
    word_features,
    words,
)
from graphkit.extract.learned import learned_techniques
from graphkit.extract.reading import read_sentence
from graphkit.extract.trained import technique_model

_TRAIN = [
    words(s)
    for s in (
        "The actor sent spear phishing emails to staff at the ministry.",
        "The actor sent phishing emails with malicious links.",
        "They scanned hosts for open ports and scanned the network again.",
        "They scanned the network for open services.",
        "xactor used spear phishing emails against the ministry.",
        "xactor stole credentials and moved laterally across the network.",
    )
]

# Unseen words, a word twice (sublinear counts), pairs across the placeholder, a sentence
# of the placeholder alone, an empty one, a pair whose words stand apart elsewhere.
_SCORED = [
    words("The actor sent phishing emails, phishing emails and more phishing emails."),
    ["xactor", "spear", "phishing", "xactor", "emails", "ministry"],
    ["xactor"],
    [],
    words("Scanned hosts, open ports, open services: the network scanned twice over."),
    words("Emails phishing spear: the words of pairs in the wrong order."),
    words("They moved laterally across the network, and across the ministry."),
]


def _runs(tokens: Sequence[str]) -> list[str]:
    return [r for t in tokens if t != PLACEHOLDER for r in letter_runs(t)]


def _reference(
    vocabulary: dict[str, int],
    idf: np.ndarray | None,
    analyzer: Callable[[Sequence[str]], list[str]],
    train: Sequence[Sequence[str]],
    scored: Sequence[Sequence[str]],
) -> sp.csr_matrix:
    """scikit-learn's rows for ``scored``: the idf learned from ``train``, or given."""
    tfidf = TfidfVectorizer(analyzer=analyzer, vocabulary=vocabulary, sublinear_tf=True)
    tfidf.fit(train if idf is None else scored)
    if idf is not None:
        tfidf.idf_ = idf  # the model's, learned from ATT&CK's examples
    return sp.csr_matrix(tfidf.transform(scored))


def test_rows_are_scikit_learns() -> None:
    ours = Vectorizer.fit(_TRAIN, min_df=1)
    word_block, run_block = ours.blocks(_SCORED)
    words_ref = _reference(ours.word_index, None, word_features, _TRAIN, _SCORED)
    runs_ref = _reference(ours.run_index, None, _runs, _TRAIN, _SCORED)
    assert abs(word_block - words_ref).max() < 1e-12
    assert abs(run_block - runs_ref).max() < 1e-12
    assert word_block[0].nnz > 0 and run_block[3].nnz == 0  # not all empty rows
    again = ours.blocks(_SCORED)  # the word types' look-ups kept from the first call
    assert abs(again[0] - word_block).max() == 0 and abs(again[1] - run_block).max() == 0


def test_model_scores_are_scikit_learns_rows_times_the_weights() -> None:
    model = technique_model()
    pieces = [
        words("The group rented servers from a hosting company and registered domains."),
        words("They probed the victim's internet-facing hosts for open ports."),
        ["xactor", "sent", "lure", "emails", "carrying", "a", "malicious", "link"],
        words("The report thanks the partners who helped."),
    ]
    v = model.vectorizer
    rows = sp.hstack(
        [
            _reference(v.word_index, v.word_idf, word_features, (), pieces),
            _reference(v.run_index, v.run_idf, _runs, (), pieces),
        ]
    ).tocsr()
    expected = rows @ model.weights.toarray().astype(np.float64) + model.intercept
    assert np.abs(model.scores(pieces) - expected).max() < 1e-5
    assert np.abs(expected).max() > 0.1  # real scores, not zeros on both sides


def test_a_sentence_met_twice_is_scored_alike() -> None:
    text = "The crew sent lure emails carrying a malicious link to staff at the ministry."
    first, second, other, named = (read_sentence(text) for _ in range(4))
    found = learned_techniques(
        [([first, second], ["Quiet Forge"]), ([other], ["Paper Kite"]), ([named], ["Lure"])]
    )
    assert found[id(first)] == found[id(second)] == found[id(other)]
    assert found[id(first)]  # a technique drafted (ATT&CK files malicious links as T1204)
    # the same sentence under another group's names is scored anew: "Lure" is masked there
    assert found.get(id(named), []) != found[id(first)]


def test_a_sentence_of_two_words_besides_places_drafts_nothing() -> None:
    # read whole, "also likely" and "prompts in" are all that is left: no behaviour told
    short = [read_sentence(t) for t in ("Also likely Iranian.", "Prompts in Chinese.")]
    told = read_sentence("The crew sent lure emails carrying a malicious link to staff.")
    found = learned_techniques([([*short, told], [])])
    assert found.keys() == {id(told)}


def test_a_lists_items_of_two_words_come_apart_from_its_clauses() -> None:
    text = "They stole keys from laptops, moved laterally, and used pass the hash or token theft."
    parts, items = clause_parts(text)
    assert parts == clauses(text)  # the clauses are what they were
    assert parts == [
        ["they", "stole", "keys", "from", "laptops"],
        ["and", "used", "pass", "the", "hash"],
    ]
    # a joining word before an item is no word of it; one word is no item
    assert items == [["moved", "laterally"], ["token", "theft"]]
    assert clause_parts("It fled.") == ([], [])


def _spans(text: str) -> list[str]:
    return [" ".join(words(text)[a:b]) for a, b in verb_spans(text)]


def test_a_run_on_sentence_comes_apart_at_its_finite_verbs() -> None:
    # a verb in -ed after a noun; an auxiliary after one, a verb in -s after a subject
    assert _spans("The crew leased servers in bulk registered new domains each week.") == [
        "leased servers in bulk",
        "registered new domains each week",
    ]
    assert _spans("The loader has fetched a second stage it decrypts in memory.") == [
        "has fetched a second stage it",
        "decrypts in memory",
    ]
    # a passive opens a behaviour, a copula does not
    assert _spans("The archive was uploaded to a file host the key is hard-coded.") == [
        "was uploaded to a file host the key",
        "is hard coded",
    ]
    assert verb_spans("The group is a crew of contractors paid by the ministry and it hides.") == []


def test_a_participle_or_a_mark_opens_no_span() -> None:
    # a participle before a preposition, a naming one, a hyphenated one
    assert verb_spans("It kept the files stored in a folder inside the home directory.") == []
    assert verb_spans("It writes a payload named after a printer driver to disk.") == []
    assert verb_spans("It reads keys from its actor-controlled servers over HTTPS.") == []
    # after a comma the clauses part the sentence already
    assert verb_spans("The crew leased servers, registered domains and phished staff.") == []


def test_a_verb_that_closes_an_opening_phrase_opens_no_span() -> None:
    # a participle or a passive that ends at the comma: the span would take the next subject
    assert verb_spans("Once approved, the crew rented servers in bulk.") == []
    assert verb_spans("When the link is opened, a script is written to the startup folder.") == []
    assert _spans("Once inside, the crew leased servers in bulk registered new domains.") == [
        "leased servers in bulk",
        "registered new domains",
    ]

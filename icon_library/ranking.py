"""Rank catalog entries against a search query.

Designers search by what a badge is *about* ("pediatrics", "airway", "blood pressure"), not by file
name, so every query word is matched against the icon name, its title, its keywords and its
categories, and the hits are weighted: an exact name beats a title word, which beats a keyword,
which beats a prefix or a substring. Every word of the query must match something (AND), so adding
words narrows the result. Words are folded before comparing — case, accents, simple plurals and
British/American medical spellings ("paediatrics" = "pediatrics", "haematology" = "hematology") —
because medical education is written in both.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from designer.icon_library.catalog import CatalogEntry

# British spellings folded to American ones (applied inside words, both to queries and catalogs).
_SPELLINGS = (("paed", "ped"), ("haem", "hem"), ("anaes", "anes"), ("oesoph", "esoph"), ("oedem", "edem"),
              ("foet", "fet"), ("gynaec", "gynec"), ("colour", "color"), ("centre", "center"),
              ("orthopaed", "orthoped"), ("leukaem", "leukem"), ("ischaem", "ischem"))

NAME_EXACT, NAME_WORD, TITLE_WORD, KEYWORD_EXACT, KEYWORD_WORD, CATEGORY, PREFIX, SUBSTRING = (
    100, 60, 50, 45, 35, 20, 15, 5)
PHRASE_BONUS = 80


def fold_word(word: str) -> str:
    """Normalise one word for matching.

    >>> [fold_word(w) for w in ("Paediatrics", "lungs", "arteries", "glass", "Haem")]
    ['pediatric', 'lung', 'artery', 'glass', 'hem']
    """
    word = unicodedata.normalize("NFKD", word.lower())
    word = "".join(c for c in word if not unicodedata.combining(c))
    for british, american in _SPELLINGS:
        word = word.replace(british, american)
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """The folded words of a text (splitting on anything that is not a letter or digit)."""
    return [fold_word(w) for w in re.split(r"[^\w]+|_", text) if w]


def score(entry: CatalogEntry, query: str) -> int:
    """How well ``entry`` matches ``query``; 0 means it does not match every query word."""
    query_words = words(query)
    if not query_words:
        return 0
    name_words = words(entry.name)
    title_words = words(entry.title)
    keyword_phrases = [words(k) for k in entry.keywords]
    keyword_words = [w for phrase in keyword_phrases for w in phrase]
    categories = [fold_word(c) for c in entry.categories]
    everything = name_words + title_words + keyword_words + categories
    total = 0
    for word in query_words:
        best = 0
        if word == "".join(name_words) or word == fold_word(entry.name):
            best = NAME_EXACT
        elif word in name_words:
            best = NAME_WORD
        elif word in title_words:
            best = TITLE_WORD
        elif [word] in keyword_phrases:
            best = KEYWORD_EXACT
        elif word in keyword_words:
            best = KEYWORD_WORD
        elif word in categories:
            best = CATEGORY
        elif len(word) >= 3 and any(w.startswith(word) for w in everything):
            best = PREFIX
        elif len(word) >= 3 and any(word in w for w in everything):
            best = SUBSTRING
        if best == 0:
            return 0
        total += best
    if len(query_words) > 1 and (query_words in keyword_phrases or query_words == title_words):
        total += PHRASE_BONUS
    return total


def rank(entries: Iterable[CatalogEntry], query: str) -> list[CatalogEntry]:
    """The entries matching ``query``, best first; ties in name order so results are stable."""
    scored = [(score(entry, query), entry) for entry in entries]
    return [entry for points, entry in sorted(scored, key=lambda p: (-p[0], p[1].name)) if points > 0]

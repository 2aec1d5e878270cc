"""Dates and file sizes in the reader's language, from the words in data/labels.yml (no locale)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping


# Why: "23 November 2026", "23 novembre 2026", "23 de noviembre de 2026" from the labels alone.
def format_date(date: dt.date, labels: Mapping[str, str]) -> str:
    months = [m.strip() for m in labels["months"].split(",")]
    return labels["date_format"].format(day=date.day, month=months[date.month - 1], year=date.year)


# Why: "PDF, 412 KB": whole kilobytes (1000 bytes, rounded up) in the language's unit, in the
# words of the label ``kind`` ("pdf_size", "offline_size").
def format_size(size: int, labels: Mapping[str, str], kind: str = "pdf_size") -> str:
    kilobytes = max(1, -(-size // 1000))
    return labels[kind].format(size=labels["kilobytes"].format(size=kilobytes))

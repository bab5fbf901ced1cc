"""Every admin page as a Chinese user reads in Chinese: no English word outside data and a short allow-list."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from training.exams.models import Exam
from training.study.models import TrainingSession

pytestmark = pytest.mark.django_db

# Names and abbreviations a Chinese official reads as they are.
ALLOWED = {
    "API",
    "Excel",
    "Word",
    "QR",
    "ID",
    "lawgov",
    "GB",
    "xlsx",
    "docx",
    "PDF",
    "HTML",
    "URL",
    "IP",
    "md5",
    "MD5",
    "SHA",  # SHA-256, the name of the checksum a case file is kept with
    "Ctrl",
}


class VisibleText(HTMLParser):
    """The text a reader sees: no scripts, styles, or the contents of text boxes (those are data)."""

    # <bdi> isolates data inside a sentence (the password hash summary).
    HIDDEN = {"script", "style", "textarea", "bdi"}
    VOID = {"br", "img", "input", "meta", "link", "hr", "col", "source", "wbr"}

    def __init__(self):
        super().__init__()
        self.open: list[str] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        while self.open and self.open.pop() != tag:
            pass

    def handle_data(self, data):
        if not self.HIDDEN.intersection(self.open):
            self.parts.append(data)


def english_words(html: str, data: set[str]) -> set[str]:
    parser = VisibleText()
    parser.feed(html)
    # Paths and signed tokens in links are addresses, not words.
    text = re.sub(r"\S*/\S*|\S+@\S+", " ", " ".join(parser.parts))
    for value in sorted(data, key=len, reverse=True):
        text = text.replace(value, " ")
    return {word for word in re.findall(r"[A-Za-z][A-Za-z_’']+", text) if word not in ALLOWED}


def admin_pages() -> list[str]:
    """The start page, each model's list, add page, first row's change and history pages, and the tool pages."""
    urls = ["/admin/"]
    for model in admin.site._registry:
        base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        urls += [base, f"{base}add/"]
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            urls += [f"{base}{first.pk}/change/", f"{base}{first.pk}/history/"]
    session, exam = TrainingSession.objects.first(), Exam.objects.first()
    return [
        *urls,
        f"/admin/training/trainingsession/{session.pk}/attendees/",
        f"/admin/training/exam/{exam.pk}/scores/",
        "/admin/training/exam/import/",
        "/admin/training/publicityactivity/import/",
        "/admin/enforcement/officer/import/",
    ]


def test_every_admin_page_reads_in_chinese():
    call_command("seed_demo", scale=1, years=1, stdout=io.StringIO())
    call_command("run_daily_jobs", stdout=io.StringIO())
    root = get_user_model().objects.create_superuser("root", "root@example.cn", "x")
    client = Client(HTTP_ACCEPT_LANGUAGE="zh-hans")
    client.force_login(root)
    data = set(get_user_model().objects.values_list("username", flat=True))
    found: dict[str, set[str]] = {}
    for url in admin_pages():
        response = client.get(url)
        if response.status_code == 403:
            continue
        assert response.status_code == 200, url
        for word in english_words(response.content.decode(), data):
            found.setdefault(word, set()).add(url)
    assert not found, "\n".join(f"{word}: {' '.join(sorted(urls)[:3])}" for word, urls in sorted(found.items()))


def test_no_help_text_repeats_its_label():
    repeats = []
    with translation.override("zh-hans"):
        for model in apps.get_models():
            for field in model._meta.concrete_fields:
                label, help_text = str(field.verbose_name), str(field.help_text or "")
                if help_text and (help_text == label or help_text.startswith(f"{label}，")):
                    repeats.append(f"{model.__name__}.{field.name}")
    assert repeats == []

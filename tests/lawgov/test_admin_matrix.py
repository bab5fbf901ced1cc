"""Every admin URL, for every model and every persona: nothing outside the scope, no write without permission.

The walk reads the URL patterns from the admin itself (`admin.site._registry` and
each ModelAdmin's `get_urls()`), so the views a package adds (history, revert,
exports, imports) are covered without being listed here. A page a superuser
can submit is submitted by every persona with the superuser's form data, as an
attacker would replay it.
"""

from __future__ import annotations

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.core import serializers
from django.test import Client

from enforcement.agencies import roles
from enforcement.agencies.models import Membership
from enforcement.officers.models.reminders import CertificateReminder, UncertifiedOfficerReminder
from enforcement.reconsideration.models import DeadlineWarning
from reports.annual.models import AnnualReport
from tests.factories import (
    AttendanceFactory,
    CertificateFactory,
    ExamExemptionFactory,
    ExamResultFactory,
    PublicityActivityFactory,
    ReconsiderationCaseFactory,
    StudyPlanFactory,
    UserFactory,
    VicePrincipalFactory,
)
from training.publicity.youth import PublicitySite

BACKEND = "django.contrib.auth.backends.ModelBackend"
DOMAIN_APPS = ("enforcement", "training", "reports")
ROLES = [roles.TEAM_LEAD, roles.HR, roles.SUPERVISOR, roles.STATS_CLIENT]
MODELS = sorted(admin.site._registry, key=lambda model: model._meta.label)
DOMAIN_MODELS = [model for model in apps.get_models() if model._meta.app_label in DOMAIN_APPS]


from reports.ledger.models import Dispute, MajorDecision, NormativeDocument  # noqa: E402
from tests.factories import ledger_year  # noqa: E402
from tests.factories.cases import penalty_case  # noqa: E402


def make_records(township) -> None:
    """One record of every scoped model in `township`, each with at least two versions of its history."""
    certificate = CertificateFactory(officer__agency=township, officer__name=f"{township.name}队员")
    officer = certificate.officer
    officer.save()
    certificate.save()
    case = ReconsiderationCaseFactory(agency=township, officer=officer)
    case.note = "第二版"
    case.save()
    result = ExamResultFactory(exam__agency=township, officer=officer)
    ExamExemptionFactory(exam=result.exam, officer__agency=township)
    AttendanceFactory(session__agency=township, officer=officer)
    PublicityActivityFactory(agency=township)
    VicePrincipalFactory(officer=officer)
    StudyPlanFactory(agency=township)
    PublicitySite.objects.create(agency=township, kind="board", name="法治宣传栏", since=datetime.date(2024, 1, 1))
    CertificateReminder.objects.create(certificate=certificate, threshold_days=30, valid_until=certificate.valid_until)
    UncertifiedOfficerReminder.objects.create(officer=officer, situation="none")
    DeadlineWarning.objects.create(
        case=case, deadline_kind="decision", due_on=datetime.date(2025, 3, 3), warning_kind="due_soon"
    )
    document = {"title": "2024年度法治政府建设情况报告", "sections": []}
    report = AnnualReport.objects.create(agency=township, year=2024, document=document)
    report.error = "第二版"
    report.save()
    penalty = penalty_case(township, ("filed", datetime.date(2025, 3, 4)), ("investigated", datetime.date(2025, 3, 5)))
    penalty.refresh_from_db()
    penalty.note = "第二版"
    penalty.save()  # a second version of its history
    ledger_year(township)
    for model in (MajorDecision, NormativeDocument, Dispute):
        record = model.objects.filter(agency=township).last()
        record.save()  # a second version of its history


class FormFields(HTMLParser):
    """The fields a browser would submit with the page's main POST form."""

    def __init__(self):
        super().__init__()
        self.data: list[tuple[str, str]] = []
        self._in_form = False
        self._select: str | None = None
        self._textarea: str | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._in_form = (attrs.get("method") or "").lower() == "post" and attrs.get("id") != "logout-form"
        if not self._in_form or (not attrs.get("name") and tag != "option"):
            return
        name = attrs.get("name")
        if tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            if kind == "file" or (kind == "submit" and name != "_save"):
                return
            self.data.append((name, attrs.get("value") or ""))
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.data.append((self._select, attrs.get("value") or ""))
        elif tag == "textarea":
            self._textarea, self._text = name, ""

    def handle_data(self, data):
        if self._textarea:
            self._text += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.data.append((self._textarea, self._text.lstrip("\n")))
            self._textarea = None


def form_data(page: str) -> dict[str, list[str]]:
    parser = FormFields()
    parser.feed(page)
    data: dict[str, list[str]] = {}
    for name, value in parser.data:
        data.setdefault(name, []).append(value)
    return data


def fingerprint(record) -> tuple:
    """What a write would change: the admin log, every domain table's size and the record itself."""
    counts = tuple(model._default_manager.count() for model in DOMAIN_MODELS)
    row = serializers.serialize("json", type(record)._default_manager.filter(pk=record.pk)) if record else ""
    return LogEntry.objects.count(), counts, row


def object_urls(model_admin, record) -> list[tuple[str, str]]:
    """(url, permission a POST to it needs) for every object-level pattern of the admin."""
    prefix = f"/admin/{model_admin.opts.app_label}/{model_admin.opts.model_name}/"
    urls = []
    for pattern in model_admin.get_urls():
        text = str(pattern.pattern)
        if not re.search(r"object_id|<int:pk>|\(\[\^/\]\+\)|<id>", text):
            continue
        if text.startswith("^"):
            pk_name = model_admin.model._meta.pk.name  # the history table's own pk is history_id
            history = model_admin.model.history.filter(**{pk_name: record.pk}).order_by("history_id").first()
            path = f"{record.pk}/history/{history.history_id}/"
        else:
            path = re.sub(r"<(?:path:|int:)?(?:object_id|pk|id)>", str(record.pk), text)
            path = path.replace("<str:kind>", "docx")
        needs = "delete" if "delete" in path else "change"
        urls.append((prefix + path, needs))
    return urls


def list_urls(model_admin) -> list[tuple[str, str]]:
    prefix = f"/admin/{model_admin.opts.app_label}/{model_admin.opts.model_name}/"
    urls = []
    for pattern in model_admin.get_urls():
        text = str(pattern.pattern)
        if "<" in text or "(" in text:
            continue
        urls.append((prefix + text, "add" if text in {"add/", "import/", "roster/import/"} else "change"))
    return urls


class Walk:
    def __init__(self, world):
        self.world = world
        make_records(world.township_a)
        make_records(world.township_b)
        self.root = Client()
        self.root.force_login(world.superuser, backend=BACKEND)
        self.pages: dict[str, dict] = {}
        self.personas = {
            (role, place): UserFactory(username=f"walker_{role}_{place}", roles=[role], agencies=[agency])
            for role in ROLES
            for place, agency in (("a", world.township_a), ("county", world.county))
        }
        self.failures: list[str] = []
        self.clients: dict[int, Client] = {}

    def client_for(self, user) -> Client:
        if user.pk not in self.clients:
            self.clients[user.pk] = Client()
            self.clients[user.pk].force_login(user, backend=BACKEND)
        return self.clients[user.pk]

    def superuser_form(self, url: str) -> dict:
        if url not in self.pages:
            response = self.root.get(url)
            html = response.status_code == 200 and response["Content-Type"].startswith("text/html")
            self.pages[url] = form_data(response.content.decode()) if html else {}
        return self.pages[url]

    def check(self, user, url: str, record, *, in_scope: bool, may_view: bool, may_write: bool) -> None:
        # What a persona may do is not tried: an allowed write would change the
        # record that the personas after it replay their forms against.
        client = self.client_for(user)
        if not (in_scope and may_view):
            response = client.get(url)
            if response.status_code == 200:
                self.failures.append(f"GET {url} as {user.username}: 200")
        if in_scope and may_write:
            return
        data = self.superuser_form(url) or {"post": ["yes"]}
        before = fingerprint(record)
        response = client.post(url, data)
        if before != fingerprint(record) and not (in_scope and may_write):
            self.failures.append(f"POST {url} as {user.username}: wrote ({response.status_code})")

    def record_of(self, model, township):
        queryset = model._default_manager.all()
        if hasattr(queryset, "in_subtree_of"):
            return queryset.in_subtree_of(township).order_by("pk").last(), True
        return queryset.order_by("pk").first(), False

    def walk(self, model) -> None:
        model_admin = admin.site._registry[model]
        label = f"{model._meta.app_label}.%s_{model._meta.model_name}"
        own, scoped = self.record_of(model, self.world.township_a)
        other, _ = self.record_of(model, self.world.township_b)
        if model is Membership:
            own = Membership.objects.filter(agency=self.world.township_a).last()
        assert (own is not None and other is not None) or not scoped, f"no {model._meta.label} record to walk"
        for (_role, place), user in self.personas.items():
            may = {action: user.has_perm(label % action) for action in ("view", "change", "add", "delete")}
            may_view = may["view"] or may["change"]
            targets = [(own, True), (other, place == "county" or not scoped)] if scoped else [(own, True)]
            for record, in_scope in targets:
                if record is None:
                    continue
                for url, needs in object_urls(model_admin, record):
                    self.check(user, url, record, in_scope=in_scope, may_view=may_view, may_write=may[needs])
            for url, needs in list_urls(model_admin):
                self.check(user, url, own, in_scope=True, may_view=may_view, may_write=may[needs])
            if scoped and place == "a":
                self.check_actions(user, model_admin, other)

    def check_actions(self, user, model_admin, other) -> None:
        """Changelist actions on a row outside the scope change nothing."""
        url = f"/admin/{model_admin.opts.app_label}/{model_admin.opts.model_name}/"
        client = self.client_for(user)
        # A versioned model's changelist sends "pk,version" for each selected row.
        selected = f"{other.pk},{other.version}" if hasattr(model_admin, "check_concurrent_action") else other.pk
        for action in model_admin.actions or ["delete_selected"]:
            name = action if isinstance(action, str) else action.__name__
            before = fingerprint(other)
            client.post(url, {"action": name, "_selected_action": [selected], "post": "yes", "index": 0})
            if before != fingerprint(other):
                self.failures.append(f"action {name} on {url} as {user.username} changed another township's row")


@pytest.mark.parametrize("model", MODELS, ids=[model._meta.label for model in MODELS])
def test_no_admin_url_shows_or_writes_outside_scope_or_permission(model, world, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    walk = Walk(world)
    walk.walk(model)
    assert not walk.failures, "\n".join(walk.failures)


def test_autocomplete_offers_nothing_outside_the_scope(world, client):
    make_records(world.township_a)
    make_records(world.township_b)
    for model, model_admin in admin.site._registry.items():
        for field in getattr(model_admin, "autocomplete_fields", []):
            for role in ROLES:
                user = UserFactory(roles=[role], agencies=[world.township_a])
                client.force_login(user, backend=BACKEND)
                response = client.get(
                    "/admin/autocomplete/",
                    {"app_label": model._meta.app_label, "model_name": model._meta.model_name, "field_name": field},
                )
                if response.status_code != 200:
                    continue
                remote = model._meta.get_field(field).remote_field.model
                ids = {int(row["id"]) for row in response.json()["results"]}
                manager = remote._default_manager
                # A shared reference table (no agency, e.g. enforcement fields) is everyone's to choose from.
                rows = manager.visible_to(user) if hasattr(manager, "visible_to") else manager.all()
                visible = set(rows.values_list("pk", flat=True))
                assert ids <= visible, f"{model._meta.label}.{field} offers {ids - visible} to {role}"

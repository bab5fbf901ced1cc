"""The Excel activity log: what the columns are and what one row becomes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from enforcement.agencies.models import Agency
from enforcement.agencies.spreadsheets import Column, as_count, as_date, as_names
from training.publicity.models import Audience, PublicityActivity, PublicityFormat, ThemeDay

ACTIVITY_COLUMNS = [
    Column("活动名称", "title", required=True),
    Column("开始日期", "start_date", required=True),
    Column("结束日期", "end_date"),
    Column("主题", "theme"),
    Column("形式", "formats", required=True),
    Column("对象", "audiences"),
    Column("地点", "place"),
    Column("参与人数", "participants"),
    Column("发放资料", "materials"),
    Column("宣传法律", "laws_promoted"),
    Column("合作单位", "partner"),
    Column("学校", "school"),
    Column("内容", "description"),
]


@dataclass(frozen=True)
class ActivityRow:
    activity: PublicityActivity
    formats: list[PublicityFormat]
    audiences: list[Audience]


def _lookup(names: list[str], known: dict[str, Any], header: str) -> list[Any]:
    unknown = [name for name in names if name not in known]
    if unknown:
        raise ValidationError(
            _("%(header)s: unknown %(names)s (known: %(known)s).")
            % {"header": header, "names": "、".join(unknown), "known": "、".join(known)}
        )
    return [known[name] for name in names]


def activity_row(*, agency: Agency) -> Callable[[dict[str, Any]], ActivityRow]:
    """A validator of one activity-log row, for activities of `agency`."""
    themes = {theme.name: theme for theme in ThemeDay.objects.all()}
    formats = {fmt.name: fmt for fmt in PublicityFormat.objects.all()}
    audiences = {audience.name: audience for audience in Audience.objects.all()}

    def text(values: dict[str, Any], key: str) -> str:
        value = values.get(key)
        return "" if value is None else str(value).strip()

    def validate(values: dict[str, Any]) -> ActivityRow:
        start = as_date(values["start_date"], "开始日期")
        end = as_date(values["end_date"], "结束日期") if values.get("end_date") not in (None, "") else start
        theme_names = as_names(values.get("theme"))
        activity = PublicityActivity(
            agency=agency,
            title=text(values, "title"),
            start_date=start,
            end_date=end,
            theme=_lookup(theme_names[:1], themes, "主题")[0] if theme_names else None,
            place=text(values, "place"),
            participants=as_count(values.get("participants"), "参与人数"),
            materials=as_count(values.get("materials"), "发放资料"),
            laws_promoted=text(values, "laws_promoted"),
            partner=text(values, "partner"),
            school=text(values, "school"),
            description=text(values, "description"),
        )
        row = ActivityRow(
            activity=activity,
            formats=_lookup(as_names(values["formats"]), formats, "形式"),
            audiences=_lookup(as_names(values.get("audiences")), audiences, "对象"),
        )
        activity.full_clean()
        return row

    return validate


def save_activity(row: ActivityRow) -> None:
    row.activity.save()
    row.activity.formats.set(row.formats)
    row.activity.audiences.set(row.audiences)

"""The query parameters of ``/v1/check`` and friends, read the way ``disclosure check`` reads its options."""

from __future__ import annotations

import attrs
from starlette.datastructures import QueryParams

from disclosure_core import BodyLevel, ReportHints, UsageError
from disclosure_core.catalogue import choices

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def flag(params: QueryParams, name: str) -> bool:
    """A boolean parameter: ``true``/``false`` (also 1/0, yes/no); anything else is a usage error.

    >>> flag(QueryParams("blank_as_zero=true"), "blank_as_zero"), flag(QueryParams(""), "blank_as_zero")
    (True, False)
    """
    raw = params.get(name, "").strip().lower()
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise UsageError.keyed("service.flag", field=f"?{name}={raw}")


def choice(params: QueryParams, name: str, allowed: tuple[str, ...], default: str) -> str:
    """A parameter from a fixed list.

    >>> choice(QueryParams("lang=fr"), "lang", ("zh", "en"), "zh")
    Traceback (most recent call last):
    ...
    disclosure_core.errors.UsageError: ?lang=fr: give one of zh, en
    """
    value = params.get(name, default)
    if value not in allowed:
        raise UsageError.keyed("service.one_of", field=f"?{name}={value}", allowed=choices(allowed))
    return value


def hints(params: QueryParams) -> ReportHints | None:
    """``body``, ``level``, ``region`` and ``year`` as the hints ``--body`` … give a source.

    >>> hints(QueryParams("body=代县人民政府&year=2020")).year
    2020
    >>> hints(QueryParams("level=village"))
    Traceback (most recent call last):
    ...
    disclosure_core.errors.UsageError: ?level=village: give one of state_council_department, province, province_department, city, city_department, county, county_department, township
    """
    level = params.get("level")
    if level is not None and level not in {lv.value for lv in BodyLevel}:
        raise UsageError.keyed("service.one_of", field=f"?level={level}", allowed=choices(lv.value for lv in BodyLevel))
    year = params.get("year")
    if year is not None and not (year.isdigit() and len(year) == 4):
        raise UsageError.keyed("service.year", field=f"?year={year}")
    given = ReportHints(
        name=params.get("body"),
        level=BodyLevel(level) if level else None,
        region=params.get("region"),
        year=int(year) if year else None,
    )
    return given if given.given() else None


@attrs.frozen
class CheckOptions:
    """What ``disclosure check`` takes besides the files: the same names, as query parameters."""

    lang: str = "zh"
    blank_as_zero: bool = False
    disabled: tuple[str, ...] = ()
    source: str | None = None
    hints: ReportHints | None = None

    @classmethod
    def from_query(cls, params: QueryParams) -> CheckOptions:
        """Read them; an unknown value is a usage error (400).

        >>> CheckOptions.from_query(QueryParams("disable=a&disable=b&lang=en")).disabled
        ('a', 'b')
        """
        return cls(
            lang=choice(params, "lang", ("zh", "en"), "zh"),
            blank_as_zero=flag(params, "blank_as_zero"),
            disabled=tuple(params.getlist("disable")),
            source=params.get("from"),
            hints=hints(params),
        )

"""The web app in a real headless Chromium against a real `sitrep serve` (issue 12).

The store holds the seed article (Soleimani, Iraq) and two other samples (Kenya, Ukraine)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from .browsing import Watch

pytestmark = [pytest.mark.slow, pytest.mark.browser]

BAGHDAD = (33.31, 44.37)
KIRKUK = (35.47, 44.39)
DATE_PHRASE = "Early on Friday morning"


def wait_idle(page: Any) -> None:
    """Until the page has no request in flight and no refetch scheduled."""
    page.wait_for_function("() => window.sitrep && window.sitrep.idle()")


def open_app(page: Any, server: str, path: str = "/") -> None:
    page.goto(f"{server}{path}")
    wait_idle(page)


def cells(page: Any) -> list[dict[str, Any]]:
    """The drawn map cells, from the markers' data attributes."""
    rows = page.eval_on_selector_all("#map path.cell", "els => els.map(e => ({...e.dataset}))")
    return [{**r, "lat": float(r["lat"]), "lon": float(r["lon"]), "events": int(r["events"])} for r in rows]


def near(cell: dict[str, Any], where: tuple[float, float], tolerance: float = 0.5) -> bool:
    return abs(cell["lat"] - where[0]) <= tolerance and abs(cell["lon"] - where[1]) <= tolerance


def table(page: Any) -> list[dict[str, str]]:
    rows = "#events tbody tr[data-event-id]"
    return page.eval_on_selector_all(rows, "els => els.map(e => ({...e.dataset}))")


def timeline(page: Any) -> dict[str, str]:
    return page.eval_on_selector("#timeline", "e => ({...e.dataset})")


def api(server: str, path: str, **params: Any) -> Any:
    response = httpx.get(f"{server}{path}", params=params, timeout=10)
    response.raise_for_status()
    return response.json()


def choose_country(page: Any, iso3: str) -> None:
    page.select_option("#filters select[name=country]", iso3)
    wait_idle(page)


def test_page_loads_offline_without_errors(page: Any, watch: Watch, server: str) -> None:
    open_app(page, server)
    page.wait_for_selector("#map path.cell")
    page.wait_for_selector(".leaflet-overlay-pane canvas")  # the Natural Earth basemap
    assert not watch.outside, f"requests left loopback: {watch.outside}"
    assert not watch.console, watch.console
    assert not watch.errors, watch.errors
    paths = {r.split("?")[0].removeprefix(server) for r in watch.requests}
    assert {"/v1/map", "/v1/stats", "/v1/events", "/static/app.js"} <= paths
    assert "/static/vendor/world-atlas/countries-50m.json" in paths
    total = api(server, "/v1/events", limit=1)["total"]
    assert page.text_content("#events .table-range") == f"1–{min(total, 50)} of {total}"


def test_map_shows_baghdad_and_kirkuk(page: Any, server: str) -> None:
    open_app(page, server)
    page.evaluate("() => { window.sitrep.map.map.setView([34.4, 44.4], 6, {animate: false}); }")
    wait_idle(page)
    drawn = cells(page)
    assert any(near(c, BAGHDAD) for c in drawn), drawn
    assert any(near(c, KIRKUK) for c in drawn), drawn
    assert page.locator("#map-cells li").count() == len(drawn)  # the same cells as a list


def check_country(page: Any, server: str, iso3: str, box: tuple[float, float, float, float]) -> None:
    """Map, timeline and table all show only the events of one country."""
    expected = api(server, "/v1/events", country=iso3, limit=1)["total"]
    stats = api(server, "/v1/stats", country=iso3, period="month")
    drawn = cells(page)
    assert drawn, f"no map cells for {iso3}"
    south, west, north, east = box
    assert all(south <= c["lat"] <= north and west <= c["lon"] <= east for c in drawn), drawn
    rows = table(page)
    assert rows and {r["country"] for r in rows} == {iso3}
    assert page.text_content("#events .table-range") == f"1–{len(rows)} of {expected}"
    line = timeline(page)
    assert line["first"] == stats["by_period"][0][0] and line["last"] == stats["by_period"][-1][0]


def test_country_filter_changes_map_timeline_and_table(page: Any, server: str) -> None:
    open_app(page, server)
    everything = (cells(page), table(page), timeline(page))
    choose_country(page, "IRQ")
    check_country(page, server, "IRQ", (29.0, 38.0, 38.0, 49.0))
    iraq = (cells(page), table(page), timeline(page))
    assert iraq != everything
    choose_country(page, "KEN")
    check_country(page, server, "KEN", (-5.0, 33.0, 5.0, 42.0))
    assert (cells(page), table(page), timeline(page)) != iraq
    assert "country=KEN" in page.url


def span_texts(page: Any) -> list[dict[str, Any]]:
    """Each span of the open event with the text the page highlights for it (joined from the
    pieces it covers) and its code-point offsets as drawn."""
    return page.evaluate("""() => {
        const spans = window.sitrep.event.spans.map(
            (s) => ({field: s.field, text: "", start: null, end: null}));
        for (const mark of document.querySelectorAll(".doc-text mark.hl")) {
            for (const i of mark.dataset.spans.split(" ").map(Number)) {
                const s = spans[i];
                s.text += mark.textContent;
                s.start = s.start === null ? Number(mark.dataset.start) : s.start;
                s.end = Number(mark.dataset.end);
            }
        }
        return spans;
    }""")


def test_event_view_highlights_the_airport_strike(page: Any, server: str) -> None:
    events = api(server, "/v1/events", country="IRQ", limit=50)["events"]
    strike = next(e for e in events if e["trigger"]["text"] == "drone strike")
    open_app(page, server, "/?country=IRQ")
    page.click(f"#events tbody tr[data-event-id='{strike['id']}']")
    page.wait_for_selector("#event[data-state=ready]")
    wait_idle(page)
    assert f"#/event/{strike['id']}" in page.url
    spans = span_texts(page)
    by_field: dict[str, set[str]] = {}
    for s in spans:
        by_field.setdefault(s["field"], set()).add(s["text"])
    assert "drone strike" in by_field["trigger"]
    actors = by_field.get("actor1", set()) | by_field.get("actor2", set()) | by_field.get("victim", set())
    assert "Qassem Soleimani" in actors, by_field
    assert "Baghdad’s International Airport" in by_field["place"], by_field
    text = page.evaluate("() => window.sitrep.event.document.text")
    phrase_start = text.index(DATE_PHRASE)  # Python indices are code points, as the page's offsets
    dates = [s for s in spans if s["field"] == "date" and s["text"] in ("on Friday morning", DATE_PHRASE)]
    assert dates, by_field.get("date")
    assert any(phrase_start <= s["start"] and s["end"] <= phrase_start + len(DATE_PHRASE) for s in dates)
    trigger = page.locator(".doc-text mark[data-field=trigger]", has_text="drone strike").first
    trigger.hover()
    assert "trigger" in (trigger.get_attribute("title") or "")
    assert page.locator(".span-legend mark.hl-trigger").count() == 1
    fields = page.text_content("#event .fields") or ""
    assert strike["acled_event_type"] in fields and "[object" not in fields


def test_shared_url_reproduces_the_view(page: Any, server: str) -> None:
    open_app(page, server)
    choose_country(page, "UKR")
    page.fill("#filters input[name=since]", "2024-12-04")
    page.dispatch_event("#filters input[name=since]", "change")
    wait_idle(page)
    page.click("#events th button[data-sort=fatalities]")
    wait_idle(page)
    page.select_option("#period", "day")
    wait_idle(page)
    url = page.url
    assert "country=UKR" in url and "since=2024-12-04" in url and "period=day" in url
    before = (cells(page), table(page), timeline(page))
    page.reload()
    wait_idle(page)
    assert (cells(page), table(page), timeline(page)) == before
    assert page.input_value("#filters select[name=country]") == "UKR"
    assert page.input_value("#filters input[name=since]") == "2024-12-04"
    fresh = page.context.new_page()
    open_app(fresh, server, url.removeprefix(server))
    assert (cells(fresh), table(fresh), timeline(fresh)) == before
    fresh.close()
    page.go_back()  # back to before the period change: still filtered, by month
    wait_idle(page)
    assert "period=day" not in page.url and page.input_value("#period") == "month"


def test_timeline_brush_sets_the_date_filters(page: Any, server: str) -> None:
    open_app(page, server)
    plot = page.locator("#timeline .u-over").bounding_box()
    assert plot is not None
    y = plot["y"] + plot["height"] / 2
    page.mouse.move(plot["x"] + plot["width"] * 0.8, y)
    page.mouse.down()
    page.mouse.move(plot["x"] + plot["width"] * 0.9, y, steps=4)
    page.mouse.move(plot["x"] + plot["width"] - 1, y, steps=4)
    page.mouse.up()
    wait_idle(page)
    since = page.input_value("#filters input[name=since]")
    until = page.input_value("#filters input[name=until]")
    assert since.startswith("2024-") and until.startswith("2024-") and since < until
    assert f"since={since}" in page.url and f"until={until}" in page.url
    dates = [r["date"] for r in page.eval_on_selector_all(
        "#events tbody tr[data-event-id] td.date", "els => els.map(e => ({date: e.textContent}))")]
    assert dates and all(since <= d <= until for d in dates)
    assert timeline(page)["first"] >= since[:8] + "01"


def test_map_cells_open_events(page: Any, server: str) -> None:
    open_app(page, server, "/?map=6/34.4/44.4")
    kirkuk = next(c for c in cells(page) if near(c, KIRKUK))
    assert kirkuk["events"] == 1 and kirkuk["eventId"]
    page.click(f"#map path.cell[data-event-id='{kirkuk['eventId']}']")
    page.wait_for_selector("#event[data-state=ready]")
    assert page.get_attribute("#event", "data-event-id") == kirkuk["eventId"]
    page.click("#event button.close")
    open_app(page, server, "/?map=5/-1.3/36.8")  # Nairobi: several events at one place
    nairobi = next(c for c in cells(page) if c["events"] > 1)
    page.click(f"#map path.cell[data-events='{nairobi['events']}']")
    wait_idle(page)
    assert page.evaluate("() => window.sitrep.map.map.getZoom()") == 7  # a click zooms in
    page.evaluate("() => { window.sitrep.map.map.setZoom(9, {animate: false}); }")
    wait_idle(page)
    page.click(f"#map path.cell[data-events='{nairobi['events']}']")  # zoomed in: list them
    page.wait_for_selector(".cell-list li a")
    wait_idle(page)
    assert page.locator(".cell-list li a").count() == min(10, nairobi["events"])
    page.locator(".cell-list li a").first.click()
    page.wait_for_selector("#event[data-state=ready]")
    assert "Nairobi" in (page.text_content("#event .fields") or "")


def test_store_text_is_shown_as_text_never_as_html(page: Any, watch: Watch, server: str) -> None:
    event = api(server, "/v1/events", text="Mosul", limit=1)["events"][0]
    open_app(page, server, f"/?text=Mosul#/event/{event['id']}")
    page.wait_for_selector("#event[data-state=ready]")
    wait_idle(page)
    assert page.evaluate("() => window.__xss") is None
    assert (page.text_content("#event-title") or "").startswith("<img src=x")
    assert page.locator("#event img, #event script, #event b, a[href^='javascript:']").count() == 0
    assert "<script>" in (page.text_content("#events tbody tr td.sentence") or "")
    spans = span_texts(page)  # two astral characters come before every span
    trigger = event["trigger"]
    assert {"field": "trigger", "text": trigger["text"], "start": trigger["start"],
            "end": trigger["end"]} in spans
    assert any(s["field"] == "place" and s["text"] == "Mosul" for s in spans), spans
    assert not watch.console and not watch.errors, (watch.console, watch.errors)

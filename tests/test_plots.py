"""plot_figures: one interval per figure, by report and date, readable and deterministic."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from _figure_frames import NAN, figure, figures, reports
from matplotlib.patches import Rectangle

from crosscheck.plots import plot_figures

TEXT_A = "There are 503 troops and closer to 2,000 US troops in Syria; 47 airstrikes hit."
TEXT_B = "More than 2,000 troops and up to 30 advisers; between 20,000 to 30,000 militants."


@pytest.fixture
def frames():
    arts = reports(
        ("late", "Late Paper", "2018-12-19", TEXT_B),
        ("early", "Early Wire", "2017-11-30", TEXT_A),
    )
    figs = figures(
        figure(arts, "late", "More than 2,000 troops", 2001, NAN, "more than"),
        figure(arts, "late", "up to 30 advisers", NAN, 30, "up to"),
        figure(arts, "late", "between 20,000 to 30,000 militants", 20000, 30000, "between",
               category="militants"),
        figure(arts, "early", "503 troops", 503, 503, source="the Pentagon"),
        figure(arts, "early", "closer to 2,000 US troops", 2000, 2000, "closer to"),
        figure(arts, "early", "47 airstrikes", 47, 47, category="strikes"),
    )  # fmt: skip
    yield figs, arts
    plt.close("all")


def labels(fig) -> list[str]:
    return [t.get_text() for t in fig.axes[0].get_yticklabels()]


def test_rows_are_grouped_by_report_in_date_order_with_sources(frames):
    fig = plot_figures(*frames, categories=["troops"], title="Troops")
    assert labels(fig) == [
        "503 troops (the Pentagon)",
        "closer to 2,000 US troops",
        "More than 2,000 troops",
        "up to 30 advisers",
    ]
    ax = fig.axes[0]
    colours = [t.get_color() for t in ax.get_yticklabels()]
    assert colours[0] == colours[1] != colours[2] == colours[3]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[:2] == ["Early Wire (30 Nov 2017)", "Late Paper (19 Dec 2018)"]
    assert ax.get_title(loc="left") == "Troops"
    captions = " ".join(t.get_text() for t in fig.texts)
    assert "Early Wire (30 Nov 2017)" in captions and captions.startswith("Source:")


def test_log_axis_only_when_values_span_more_than_tenfold(frames):
    figs, arts = frames
    wide = plot_figures(figs, arts)
    assert wide.axes[0].get_xscale() == "log"
    assert wide.axes[0].get_xlabel().endswith("(log scale)")
    narrow = plot_figures(figs[figs["text"].str.contains("troops")], arts, categories=["troops"])
    assert narrow.axes[0].get_xscale() == "linear"
    assert narrow.axes[0].get_xlabel() == "number of troops"


def test_ranges_are_bars_open_ends_arrows_points_dots(frames):
    fig = plot_figures(*frames)
    ax = fig.axes[0]
    bars = [p for p in ax.patches if isinstance(p, Rectangle)]
    assert len(bars) == 1 and bars[0].get_width() == pytest.approx(10000)
    arrows = [a for a in ax.texts if getattr(a, "arrow_patch", None) is not None]
    assert len(arrows) == 2  # "more than" and "up to"
    dots = [line for line in ax.lines if line.get_marker() == "o"]
    assert len(dots) == 3  # 503, ~2,000, 47
    assert {d.get_markerfacecolor() for d in dots} & {"white", (1.0, 1.0, 1.0, 1.0)}


def test_one_figure_zero_figures_and_unknown_dates(frames):
    figs, arts = frames
    one = plot_figures(figs.iloc[[3]], arts)
    assert labels(one) == ["503 troops (the Pentagon)"]
    empty = plot_figures(figs, arts, categories=["money"], title="Money")
    assert "No figures to plot (money)." in [t.get_text() for t in empty.axes[0].texts]
    undated = plot_figures(figs, arts.assign(published=pd.NaT))
    legend = [t.get_text() for t in undated.axes[0].get_legend().get_texts()]
    assert "Late Paper (date unknown)" in legend


def test_the_chart_is_deterministic(frames):
    def png() -> bytes:
        buffer = io.BytesIO()
        plot_figures(*frames).savefig(buffer, format="png", metadata={"Software": None})
        return buffer.getvalue()

    assert png() == png()


def test_figures_on_the_move_are_labelled_apart_from_the_force_in_place():
    text = "The Pentagon will withdraw 400 troops. There are 1,600 troops in Syria."
    arts = reports(("one", "Wire", "2018-12-19", text))
    figs = figures(
        figure(arts, "one", "400 troops", 400, 400),
        figure(arts, "one", "1,600 troops", 1600, 1600),
    )
    fig = plot_figures(figs, arts, categories=["troops"], title="Troops")
    assert labels(fig) == ["400 troops · leaving", "1,600 troops"]
    captions = " ".join(t.get_text() for t in fig.texts)
    assert "'· leaving'" in " ".join(captions.split()) and "movement" in captions
    plt.close("all")

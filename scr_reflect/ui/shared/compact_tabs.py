"""Tabs in the platform's own look, with less padding: the records' window loads this, the
unlock page does not (subclassing a Qt style costs a cold start several milliseconds)."""

from __future__ import annotations

from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget


class CompactTabs(QProxyStyle):
    """The platform's own tabs with a third of their padding beside the name: a tab bar
    with many tabs then shows every name where the platform's padding would push some behind
    scroll arrows, where they are easily missed. A style sheet would redraw the tabs flat."""

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        value = super().pixelMetric(metric, option, widget)
        return value // 3 if metric == QStyle.PixelMetric.PM_TabBarTabHSpace else value

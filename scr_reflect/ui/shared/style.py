"""One calm look for the whole window: plain, high contrast, readable for a long day."""

STYLE_SHEET = """
QFrame#card { background: palette(base); border: 1px solid palette(mid); border-radius: 8px; }
QLabel#heading { font-size: 18pt; font-weight: 600; padding-bottom: 6px; }
QLabel#paneHeading, QLabel#formHeading { font-size: 12pt; font-weight: 600; }
QLabel#error, QLabel#problems, QLabel#filterProblem { color: #8a1c1c; font-weight: 600; }
QLabel#problems {
    background: #fbeaea; border: 1px solid #d9a3a3; border-radius: 4px; padding: 6px;
}
QLabel#strength { color: #5c4400; }
QLabel#strength[good="true"] { color: #1d5e2a; }
QLabel[problem="true"] { color: #8a1c1c; font-weight: 600; }
QLabel#folder, QLabel#count { color: palette(dark); }
QFrame#overdue { background: #fff4d6; border: 1px solid #d8b45a; border-radius: 6px; }
QLabel#overdueHeading { font-weight: 600; color: #4d3800; }
QFrame#glance { background: palette(base); border: 1px solid palette(mid); border-radius: 6px; }
QLabel#glanceHeading { font-weight: 600; }
QFrame#glance QLabel { padding: 1px 2px; }
QFrame#glance QLabel:focus { border: 1px dotted palette(text); }
QFrame#promptCard {
    background: palette(base); border: 1px solid palette(mid); border-radius: 6px;
}
QFrame#promptCard QLabel#question { font-weight: 600; }
QFrame#promptCard QLabel#source { font-size: 9pt; font-style: italic; }
QPushButton#showMore { color: palette(link); }
QFrame#promptCard QLabel#why {
    background: palette(alternate-base); color: palette(text); border-radius: 4px; padding: 6px;
}
QPushButton#whyButton { border: none; color: palette(link); padding: 2px 0; }
QFrame#context { background: #f3f1ea; border: 1px solid #d6d1c4; border-radius: 6px; }
QLabel#contextHeading, QLabel#themeHeading { font-weight: 600; color: #4a4a4a; }
QLabel#themeHeading { padding-top: 8px; }
QListWidget#steps { font-size: 11pt; }
QListWidget#steps::item { padding: 7px 4px; }
QLabel#saved { color: #1d5e2a; }
QLabel[attention="true"] { color: #8a1c1c; font-weight: 600; }
QFrame#challengePrompt { background: #eaf2fb; border: 1px solid #9bbbe0; border-radius: 6px; }
QLabel#challengeHeading { font-weight: 600; color: #1f3f66; }
QLabel#challengeSource, QLabel#sharingSource { color: palette(dark); }
QLabel#stageHelp, QLabel#feedbackNote { color: #4a4a4a; }
QFrame#escalationStep {
    background: palette(base); border: 1px solid palette(mid); border-radius: 4px;
}
QFrame#escalationStep[overdue="true"] { background: #fbeaea; border-color: #d9a3a3; }
QGroupBox { font-weight: 600; margin-top: 12px; }
QGroupBox::title { subcontrol-origin: margin; left: 6px; padding: 0 3px; }
QGroupBox QLabel { font-weight: normal; }
/* Nothing in a main window moves (no docks; the toolbar is fixed): its layout needs no
   animations, nor the timer that runs them. */
QMainWindow > QWidget { widget-animation-duration: 0; }
"""

pragma Singleton
import QtQuick

// Colours and type for both themes. Main binds `dark` to the user's setting and `scale` to the window:
// every size in the UI goes through px(), so one layout serves an 800x600 window and a 4K wall.
QtObject {
    property bool dark: true
    property real scale: 1.0

    readonly property color window: dark ? "#0B1018" : "#EDF0F4"
    readonly property color card: dark ? "#151D2A" : "#FFFFFF"
    readonly property color cardBorder: dark ? "#253145" : "#D5DBE4"
    readonly property color text: dark ? "#F2F5F9" : "#111722"
    readonly property color dimText: dark ? "#93A0B4" : "#4F5B6D"
    readonly property color faintText: dark ? "#5B6678" : "#8A94A6"
    // Amber: the wordmark, the selected tab, "Now" and the score-change highlight.
    readonly property color accent: dark ? "#FFC94A" : "#B7791F"
    // Live is a deep red that carries white text; the red-zone chip is drawn as an outline on the card.
    readonly property color live: "#D92D3A"
    readonly property color liveBorder: dark ? Qt.rgba(0.85, 0.18, 0.23, 0.55) : Qt.rgba(0.85, 0.18, 0.23, 0.45)
    readonly property color redZone: dark ? "#FF5A61" : "#D2222F"
    readonly property color good: "#2FBF71"
    readonly property color header: dark ? "#0F1621" : "#FFFFFF"
    readonly property color highlight: dark ? "#4A3B10" : "#FFE7A0"
    readonly property color hover: dark ? Qt.rgba(1, 1, 1, 0.06) : Qt.rgba(0, 0, 0, 0.05)

    // The live situation: timeouts left are solid pips, used ones hollow; the win-probability bar is drawn in
    // the clubs' colours, lifted on the dark card so navy and black clubs still show.
    readonly property color pip: dark ? "#F2F5F9" : "#111722"
    readonly property color pipUsed: dark ? "#56637A" : "#A3ADBC"
    readonly property real teamBarLift: dark ? 0.3 : 0.0
    // How long a bar takes to follow a new value (game progress, win probability).
    readonly property int barDuration: 600

    readonly property string fontFamily: "DejaVu Sans"
    function px(size) { return Math.round(size * scale) }
}

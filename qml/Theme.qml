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
    // Text on an accent-coloured fill (the score-gain chip, a highlighted button): dark in both themes.
    readonly property color accentText: "#111722"
    // Text and marks on the live red and on a club's colour (its badge, the football's laces).
    readonly property color liveText: "white"
    readonly property color teamText: "white"
    // Every other row of a table, in both themes.
    readonly property color stripe: Qt.rgba(0.5, 0.5, 0.5, 0.07)
    // A club without colours (an unknown code); the football that marks possession.
    readonly property color neutralTeam: "#555B66"
    readonly property color football: "#8B4A2B"
    // The drive chart: the grass, punts and the drive in progress (touchdowns, field goals and turnovers use
    // good, accent and redZone).
    readonly property color field: dark ? "#12261A" : "#E3F0E6"
    readonly property color punt: dark ? "#7F8DA3" : "#6A7688"
    readonly property color driveInProgress: dark ? "#5AA9FF" : "#1F6FD1"

    // The live situation: timeouts left are solid pips, used ones hollow; the win-probability bar is drawn in
    // the clubs' colours, lifted on the dark card so navy and black clubs still show.
    readonly property color pip: dark ? "#F2F5F9" : "#111722"
    readonly property color pipUsed: dark ? "#56637A" : "#A3ADBC"
    readonly property real teamBarLift: dark ? 0.3 : 0.0
    // How long a bar takes to follow a new value (game progress, win probability).
    readonly property int barDuration: 600
    // A card moving to its new place on the scoreboard; the kiosk turning a page.
    readonly property int moveDuration: 300
    readonly property int pageDuration: 600
    // The LIVE dot's pulse (each way), a new score's highlight fading out, and the score's pop.
    readonly property int pulseDuration: 900
    readonly property int flashDuration: 2400
    readonly property int popDuration: 250

    // A game card at its natural size (the scoreboard's), and the gap between two in a grid.
    readonly property int cardWidth: px(340)
    readonly property int cardHeight: px(172)
    readonly property int cardRadius: px(14)
    readonly property int cardGap: px(16)

    readonly property string fontFamily: "DejaVu Sans"
    function px(size) { return Math.round(size * scale) }
    // The same type for a Canvas's 2D context: "14px 'DejaVu Sans'" for px(14).
    function canvasFont(size) { return px(size) + "px '" + fontFamily + "'" }
}

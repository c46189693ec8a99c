pragma Singleton
import QtQuick

// Colours and type for both themes. Main binds `dark` to the user's setting; kiosk mode raises `scale`.
QtObject {
    property bool dark: true
    property real scale: 1.0

    readonly property color window: dark ? "#0E131B" : "#EEF1F5"
    readonly property color card: dark ? "#182130" : "#FFFFFF"
    readonly property color cardBorder: dark ? "#243044" : "#D9DEE6"
    readonly property color text: dark ? "#F2F5F9" : "#111722"
    readonly property color dimText: dark ? "#8C99AD" : "#5E6B7E"
    readonly property color faintText: dark ? "#5B6678" : "#98A2B3"
    readonly property color accent: dark ? "#FFC94A" : "#C98A00"
    readonly property color live: "#FF4D4F"
    readonly property color redZone: "#E5383B"
    readonly property color good: "#2FBF71"
    readonly property color header: dark ? "#121A26" : "#FFFFFF"
    readonly property color highlight: dark ? "#3A3212" : "#FFF1C2"

    readonly property string fontFamily: "DejaVu Sans"
    function px(size) { return Math.round(size * scale) }
}

import QtQuick
import Endzone.Views

// A club's abbreviation on its colour: the first thing a fan scans for.
Rectangle {
    id: badge
    property string abbr
    property color teamColor: Theme.neutralTeam
    property real size: Theme.px(40)

    width: size * 1.35
    height: size
    radius: size * 0.22
    color: teamColor
    border.width: 1
    border.color: Qt.rgba(1, 1, 1, Theme.dark ? 0.12 : 0.0)

    Text {
        anchors.centerIn: parent
        text: badge.abbr
        color: Theme.teamText
        font.family: Theme.fontFamily
        font.pixelSize: badge.size * (badge.abbr.length > 2 ? 0.40 : 0.46)
        font.bold: true
        font.letterSpacing: 0.5
        style: Text.Raised
        styleColor: Qt.rgba(0, 0, 0, 0.35)
    }
}

import QtQuick
import Endzone.Views

// One game from a team's side: "2025 · Week 3   @ KC   W 27-20".
Rectangle {
    id: line
    required property int index
    required property int season
    required property string weekLabel
    required property string opponent
    required property color opponentColor
    required property bool isHome
    required property int teamScore
    required property int opponentScore
    required property string result
    required property string stateText
    property bool showSeason: false

    height: Theme.px(44)
    color: index % 2 ? "transparent" : Theme.stripe

    Row {
        anchors.fill: parent
        anchors.leftMargin: Theme.px(12)
        spacing: Theme.px(14)
        Text {
            width: Theme.px(line.showSeason ? 260 : 200)
            anchors.verticalCenter: parent.verticalCenter
            text: (line.showSeason ? line.season + " · " : "") + line.weekLabel
            color: Theme.dimText
            font.pixelSize: Theme.px(15)
            elide: Text.ElideRight
        }
        Text {
            width: Theme.px(24)
            anchors.verticalCenter: parent.verticalCenter
            text: line.isHome ? "vs" : "@"
            color: Theme.faintText
            font.pixelSize: Theme.px(14)
        }
        TeamBadge { anchors.verticalCenter: parent.verticalCenter; abbr: line.opponent; teamColor: line.opponentColor; size: Theme.px(26) }
        Text {
            width: Theme.px(28)
            anchors.verticalCenter: parent.verticalCenter
            text: line.result
            color: line.result === "W" ? Theme.good : line.result === "L" ? Theme.live : Theme.dimText
            font.bold: true
            font.pixelSize: Theme.px(16)
        }
        Text {
            anchors.verticalCenter: parent.verticalCenter
            text: line.teamScore >= 0 ? line.teamScore + "–" + line.opponentScore
                  + (line.result === "" ? "  (" + line.stateText + ")" : "") : line.stateText
            color: Theme.text
            font.pixelSize: Theme.px(16)
        }
    }
}

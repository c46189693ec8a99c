pragma ComponentBehavior: Bound
import QtQuick
import Endzone.Views

// One game as a fan reads it across a room: visitor over home on their clubs' colours, big scores, the
// state in plain words (a red LIVE pill with the quarter and clock, FINAL, or the local kickoff), who has
// the ball, whether they are in the red zone, and how far the game has run. A score that goes up flashes.
Rectangle {
    id: card
    objectName: "gameCard"

    required property string eid
    required property string homeAbbr
    required property string homeNickname
    required property int homeScore
    required property color homeColor
    required property string visitorAbbr
    required property string visitorNickname
    required property int visitorScore
    required property color visitorColor
    required property string stateText
    required property bool isLive
    required property bool isFinal
    required property string possession
    required property bool redZone
    required property bool favourite
    // The feed's state code ("1".."4", "H", "5" for overtime) and clock, for the progress bar.
    property string gameState
    property string clock

    property bool showFavourite: true
    signal favouriteToggled(string team)

    readonly property bool started: homeScore >= 0 && visitorScore >= 0
    readonly property int leader: !started || homeScore === visitorScore ? 0 : (homeScore > visitorScore ? 1 : -1)
    // Share of regulation played: quarters of 15 minutes, halftime at one half, overtime full.
    readonly property real progress: {
        if (!isLive)
            return isFinal ? 1 : 0
        if (gameState === "H")
            return 0.5
        const quarter = parseInt(gameState)
        if (!(quarter >= 1 && quarter <= 4))
            return 1
        const parts = clock.split(":")
        const left = parts.length === 2 ? parseInt(parts[0]) * 60 + parseInt(parts[1]) : 900
        return Math.min(1, Math.max(0, ((quarter - 1) * 900 + (900 - left)) / 3600))
    }

    // Kiosk cells are larger than a card needs: the header grows with them.
    readonly property real fit: Math.max(1, Math.min(width / Theme.px(340), height / Theme.px(172)))

    implicitWidth: Theme.px(340)
    implicitHeight: Theme.px(172)
    radius: Theme.px(14)
    color: Theme.card
    border.width: redZone ? Math.max(2, Theme.px(2)) : 1
    border.color: redZone ? Theme.redZone : (isLive ? Theme.liveBorder : Theme.cardBorder)

    Item {
        id: header
        anchors { left: parent.left; right: parent.right; top: parent.top }
        anchors { leftMargin: Theme.px(14); rightMargin: Theme.px(12); topMargin: Theme.px(12) }
        height: Math.round(Theme.px(26) * card.fit)

        Rectangle {
            // LIVE: a red pill, so live games stand out from across the room.
            id: statePill
            anchors { left: parent.left; verticalCenter: parent.verticalCenter }
            height: parent.height
            width: stateRow.implicitWidth + (card.isLive ? Theme.px(20) : 0)
            radius: height / 2
            color: card.isLive ? Theme.live : "transparent"
            Row {
                id: stateRow
                anchors.centerIn: parent
                spacing: Theme.px(7)
                Rectangle {
                    id: liveDot
                    objectName: "liveDot"
                    visible: card.isLive
                    anchors.verticalCenter: parent.verticalCenter
                    width: Math.round(Theme.px(8) * card.fit); height: width; radius: width / 2
                    color: "white"
                    SequentialAnimation on opacity {
                        running: card.isLive
                        loops: Animation.Infinite
                        NumberAnimation { to: 0.2; duration: 900; easing.type: Easing.InOutQuad }
                        NumberAnimation { to: 1.0; duration: 900; easing.type: Easing.InOutQuad }
                    }
                }
                Text {
                    objectName: "stateLabel"
                    anchors.verticalCenter: parent.verticalCenter
                    text: card.stateText
                    color: card.isLive ? "white" : (card.isFinal ? Theme.dimText : Theme.text)
                    font.family: Theme.fontFamily
                    font.pixelSize: Math.round(Theme.px(15) * card.fit)
                    font.bold: true
                    font.letterSpacing: card.isFinal ? 1.5 : 0.4
                    font.capitalization: card.isFinal ? Font.AllUppercase : Font.MixedCase
                }
            }
        }

        Row {
            anchors { right: parent.right; verticalCenter: parent.verticalCenter }
            spacing: Theme.px(8)
            Rectangle {
                objectName: "redZoneChip"
                visible: card.redZone
                anchors.verticalCenter: parent.verticalCenter
                radius: height / 2
                height: Math.round(Theme.px(24) * card.fit)
                width: redZoneText.implicitWidth + Theme.px(16)
                color: "transparent"
                border.color: Theme.redZone
                border.width: Math.max(1, Theme.px(2))
                Text {
                    id: redZoneText
                    anchors.centerIn: parent
                    text: qsTr("RED ZONE")
                    color: Theme.redZone
                    font.family: Theme.fontFamily
                    font.pixelSize: Math.round(Theme.px(12) * card.fit)
                    font.bold: true
                    font.letterSpacing: 1
                }
            }
            Text {
                objectName: "favouriteStar"
                visible: card.showFavourite || card.favourite
                anchors.verticalCenter: parent.verticalCenter
                text: card.favourite ? "★" : "☆"
                color: card.favourite ? Theme.accent : Theme.faintText
                font.pixelSize: Theme.px(20)
                MouseArea {
                    anchors.fill: parent
                    anchors.margins: -Theme.px(6)
                    enabled: card.showFavourite
                    onClicked: card.favouriteToggled(card.homeAbbr)
                }
            }
        }
    }

    Column {
        // The two lines share whatever height the grid gives the card (kiosk cells are taller).
        id: rows
        anchors { left: parent.left; right: parent.right; top: header.bottom; bottom: track.top }
        anchors { leftMargin: Theme.px(8); rightMargin: Theme.px(8); topMargin: Theme.px(6); bottomMargin: Theme.px(8) }
        spacing: Theme.px(4)
        readonly property real lineHeight: Math.min(Theme.px(76), (height - spacing) / 2)

        ScoreRow {
            objectName: "visitorRow"
            width: rows.width
            height: rows.lineHeight
            abbr: card.visitorAbbr; nickname: card.visitorNickname; score: card.visitorScore
            teamColor: card.visitorColor
            hasBall: card.isLive && card.possession !== "" && card.possession === card.visitorAbbr
            dimmed: card.isFinal && card.leader === 1
            leading: card.leader === -1
        }
        ScoreRow {
            objectName: "homeRow"
            width: rows.width
            height: rows.lineHeight
            abbr: card.homeAbbr; nickname: card.homeNickname; score: card.homeScore
            teamColor: card.homeColor
            hasBall: card.isLive && card.possession !== "" && card.possession === card.homeAbbr
            dimmed: card.isFinal && card.leader === -1
            leading: card.leader === 1
        }
    }

    Rectangle {
        // How far the game has run: four quarter segments, filled while live.
        id: track
        objectName: "progressTrack"
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        anchors { leftMargin: Theme.px(16); rightMargin: Theme.px(16); bottomMargin: Theme.px(12) }
        height: card.isLive ? Math.max(3, Theme.px(4)) : 0
        visible: card.isLive
        radius: height / 2
        color: Theme.cardBorder
        Rectangle {
            width: parent.width * card.progress
            height: parent.height
            radius: height / 2
            color: Theme.live
            Behavior on width { NumberAnimation { duration: 600 } }
        }
        Repeater {
            model: 3
            delegate: Rectangle {
                required property int index
                x: track.width * (index + 1) / 4 - width / 2
                width: Math.max(2, Theme.px(3)); height: track.height
                color: Theme.card
            }
        }
    }
}

pragma ComponentBehavior: Bound
import QtQuick
import Endzone.Views

// One game as a fan reads it: visitor over home, club colours, scores, state in plain words, who has the
// ball and whether they are in the red zone. A changed score flashes its row.
Rectangle {
    id: card

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

    property bool showFavourite: true
    property bool ready: false
    signal favouriteToggled(string team)

    readonly property bool started: homeScore >= 0 && visitorScore >= 0
    readonly property int leader: !started || homeScore === visitorScore ? 0 : (homeScore > visitorScore ? 1 : -1)

    implicitWidth: Theme.px(340)
    implicitHeight: Theme.px(172)
    radius: Theme.px(14)
    color: Theme.card
    border.width: redZone ? Theme.px(2) : 1
    border.color: redZone ? Theme.redZone : (isLive ? Qt.rgba(1, 0.3, 0.3, 0.45) : Theme.cardBorder)

    Component.onCompleted: ready = true
    onHomeScoreChanged: if (ready) homeRow.flash()
    onVisitorScoreChanged: if (ready) visitorRow.flash()

    // Header: state on the left, markers on the right.
    Row {
        id: header
        anchors { left: parent.left; top: parent.top; leftMargin: Theme.px(16); topMargin: Theme.px(12) }
        spacing: Theme.px(8)
        height: Theme.px(22)

        Rectangle {
            id: liveDot
            objectName: "liveDot"
            visible: card.isLive
            anchors.verticalCenter: parent.verticalCenter
            width: Theme.px(9); height: width; radius: width / 2
            color: Theme.live
            SequentialAnimation on opacity {
                running: card.isLive
                loops: Animation.Infinite
                NumberAnimation { to: 0.25; duration: 900; easing.type: Easing.InOutQuad }
                NumberAnimation { to: 1.0; duration: 900; easing.type: Easing.InOutQuad }
            }
        }
        Text {
            objectName: "stateLabel"
            anchors.verticalCenter: parent.verticalCenter
            text: card.stateText
            color: card.isLive ? Theme.live : (card.isFinal ? Theme.dimText : Theme.text)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(15)
            font.bold: card.isLive || card.isFinal
            font.letterSpacing: 0.6
        }
    }

    Row {
        anchors { right: parent.right; top: parent.top; rightMargin: Theme.px(12); topMargin: Theme.px(12) }
        spacing: Theme.px(8)
        height: Theme.px(22)

        Rectangle {
            objectName: "redZoneChip"
            visible: card.redZone
            anchors.verticalCenter: parent.verticalCenter
            radius: height / 2
            height: Theme.px(20)
            width: redZoneText.implicitWidth + Theme.px(14)
            color: Theme.redZone
            Text {
                id: redZoneText
                anchors.centerIn: parent
                text: qsTr("RED ZONE")
                color: "white"
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(11)
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
            font.pixelSize: Theme.px(18)
            MouseArea {
                anchors.fill: parent
                anchors.margins: -Theme.px(6)
                enabled: card.showFavourite
                onClicked: card.favouriteToggled(card.homeAbbr)
            }
        }
    }

    Column {
        // Rows sit in the middle of whatever height the grid gives the card (kiosk cells are taller).
        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter }
        anchors.verticalCenterOffset: Theme.px(14)
        anchors.leftMargin: Theme.px(8); anchors.rightMargin: Theme.px(8)
        spacing: Theme.px(4)

        TeamRow {
            id: visitorRow
            objectName: "visitorRow"
            abbr: card.visitorAbbr; nickname: card.visitorNickname; score: card.visitorScore
            teamColor: card.visitorColor
            hasBall: card.isLive && card.possession === card.visitorAbbr
            dimmed: card.isFinal && card.leader === 1
            leading: card.leader === -1
        }
        TeamRow {
            id: homeRow
            objectName: "homeRow"
            abbr: card.homeAbbr; nickname: card.homeNickname; score: card.homeScore
            teamColor: card.homeColor
            hasBall: card.isLive && card.possession === card.homeAbbr
            dimmed: card.isFinal && card.leader === -1
            leading: card.leader === 1
        }
    }

    component TeamRow: Item {
        id: row
        property string abbr
        property string nickname
        property int score: -1
        property color teamColor
        property bool hasBall: false
        property bool dimmed: false
        property bool leading: false
        readonly property bool flashing: flashAnimation.running

        function flash() { flashAnimation.restart() }

        width: parent ? parent.width : 0
        height: Theme.px(56)

        Rectangle {
            id: flashBackground
            objectName: "flashBackground"
            anchors.fill: parent
            radius: Theme.px(10)
            color: Theme.highlight
            opacity: 0
            NumberAnimation on opacity {
                id: flashAnimation
                running: false
                from: 1
                to: 0
                duration: 1800
                easing.type: Easing.InQuad
            }
        }

        TeamBadge {
            id: rowBadge
            anchors { left: parent.left; leftMargin: Theme.px(8); verticalCenter: parent.verticalCenter }
            abbr: row.abbr
            teamColor: row.teamColor
            size: Theme.px(38)
            opacity: row.dimmed ? 0.55 : 1
        }
        Text {
            anchors { left: rowBadge.right; leftMargin: Theme.px(12); verticalCenter: parent.verticalCenter }
            anchors.right: ball.left
            text: row.nickname
            elide: Text.ElideRight
            color: row.dimmed ? Theme.dimText : Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(20)
            font.weight: row.leading ? Font.DemiBold : Font.Normal
        }
        Rectangle {
            id: ball
            objectName: "possessionMarker"
            // A football drawn with two shapes: no emoji font needed on a kiosk.
            anchors { right: scoreText.left; rightMargin: Theme.px(12); verticalCenter: parent.verticalCenter }
            visible: row.hasBall
            width: visible ? Theme.px(20) : 0
            height: Theme.px(12)
            radius: height / 2
            color: "#A0522D"
            Rectangle {
                anchors.centerIn: parent
                width: parent.width * 0.45; height: Math.max(1, Theme.px(2))
                color: "white"
            }
        }
        Text {
            id: scoreText
            anchors { right: parent.right; rightMargin: Theme.px(10); verticalCenter: parent.verticalCenter }
            text: row.score >= 0 ? row.score : ""
            color: row.dimmed ? Theme.dimText : Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(32)
            font.bold: true
            scale: row.flashing ? 1.12 : 1
            Behavior on scale { NumberAnimation { duration: 250 } }
        }
    }
}

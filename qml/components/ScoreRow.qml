import QtQuick
import Endzone.Views

// One team's line on a game card: a wash of the club's colour, its badge and nickname, the football
// when it has the ball, and the score. A score that goes up flashes the line and shows "+7" for a moment.
// When the source knows them (ESPN, while live), a small line under the nickname shows the timeouts left as
// pips and the team's chance to win; without them the nickname sits alone, centred, as it always has.
Item {
    id: row
    property string abbr
    property string nickname
    property int score: -1
    property color teamColor: Theme.neutralTeam
    property bool hasBall: false
    property bool dimmed: false
    property bool leading: false
    property int timeouts: -1 // left in the half, 0-3; -1 when unknown
    property real winChance: -1 // 0..1; -1 when unknown
    readonly property bool flashing: flashAnimation.running
    property int gained: 0

    property int shownScore: -1 // what the line showed last, to tell a score from a correction
    onScoreChanged: {
        if (shownScore >= 0 && score > shownScore) {
            gained = score - shownScore
            flash()
        }
        shownScore = score
    }
    Component.onCompleted: shownScore = score

    function flash() { flashAnimation.restart() }

    implicitHeight: Theme.px(56)
    // Type follows the line's height, but a narrow line (tall kiosk cells) keeps the nickname whole.
    readonly property real unit: Math.min(height, width / 6)

    Rectangle {
        // The club's colour, fading out across the line: the card reads as "these two teams" at a glance.
        anchors.fill: parent
        radius: Theme.px(10)
        opacity: row.dimmed ? 0.45 : 1
        gradient: Gradient {
            orientation: Gradient.Horizontal
            GradientStop { position: 0.0; color: Qt.rgba(row.teamColor.r, row.teamColor.g, row.teamColor.b, Theme.dark ? 0.30 : 0.16) }
            GradientStop { position: 0.65; color: Qt.rgba(row.teamColor.r, row.teamColor.g, row.teamColor.b, 0) }
        }
    }
    Rectangle {
        id: flashBackground
        objectName: "flashBackground"
        anchors.fill: parent
        radius: Theme.px(10)
        color: Theme.highlight
        border.color: Theme.accent
        border.width: Math.max(1, Theme.px(2))
        opacity: 0
        NumberAnimation on opacity {
            id: flashAnimation
            running: false
            from: 1
            to: 0
            duration: Theme.flashDuration
            easing.type: Easing.InCubic
        }
    }

    TeamBadge {
        id: badge
        anchors { left: parent.left; leftMargin: Theme.px(8); verticalCenter: parent.verticalCenter }
        abbr: row.abbr
        teamColor: row.teamColor
        size: Math.round(row.unit * 0.68)
        opacity: row.dimmed ? 0.55 : 1
    }
    Column {
        anchors { left: badge.right; leftMargin: Theme.px(12); right: ball.left; rightMargin: Theme.px(8) }
        anchors.verticalCenter: parent.verticalCenter
        spacing: Math.round(row.unit * 0.04)
        Text {
            objectName: "nicknameText"
            width: parent.width
            text: row.nickname
            elide: Text.ElideRight
            color: row.dimmed ? Theme.dimText : Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Math.round(row.unit * 0.36)
            font.weight: row.leading ? Font.Bold : Font.Normal
        }
        Row {
            objectName: "situationLine"
            visible: pips.visible || winChanceText.visible
            spacing: Math.round(row.unit * 0.22)
            height: Math.max(pips.visible ? pips.height : 0, winChanceText.visible ? winChanceText.implicitHeight : 0)
            Row {
                id: pips
                objectName: "timeoutPips"
                visible: row.timeouts >= 0
                anchors.verticalCenter: parent.verticalCenter
                spacing: Math.max(2, Math.round(row.unit * 0.09))
                Repeater {
                    model: 3
                    delegate: Rectangle {
                        required property int index
                        objectName: "timeoutPip"
                        readonly property bool remaining: index < row.timeouts
                        width: Math.max(4, Math.round(row.unit * 0.15)); height: width; radius: width / 2
                        color: remaining ? Theme.pip : "transparent"
                        border.width: 1
                        border.color: remaining ? Theme.pip : Theme.pipUsed
                    }
                }
            }
            Text {
                id: winChanceText
                objectName: "winChanceText"
                visible: row.winChance >= 0
                anchors.verticalCenter: parent.verticalCenter
                //: a team's chance to win, as a percentage
                text: qsTr("%1%").arg(Math.round(row.winChance * 100))
                color: Theme.dimText
                font.family: Theme.fontFamily
                font.pixelSize: Math.max(9, Math.round(row.unit * 0.26))
                font.bold: row.winChance > 0.5
            }
        }
    }
    Item {
        // A football drawn with shapes (no emoji font on a kiosk). Its slot is always reserved, so nothing
        // moves when the ball changes hands; only its visibility follows possession.
        id: ball
        objectName: "possessionMarker"
        anchors { right: scoreText.left; rightMargin: Theme.px(10); verticalCenter: parent.verticalCenter }
        width: Math.round(row.unit * 0.42)
        height: Math.round(width * 0.62)
        visible: row.hasBall
        Rectangle {
            anchors.fill: parent
            radius: height / 2
            color: Theme.football
            border.color: Qt.darker(Theme.football, 1.4)
            border.width: 1
        }
        Rectangle {
            anchors.centerIn: parent
            width: parent.width * 0.46
            height: Math.max(1, Math.round(parent.height * 0.14))
            color: Theme.teamText
        }
    }
    Text {
        id: scoreText
        objectName: "scoreText"
        anchors { right: parent.right; rightMargin: Theme.px(12); verticalCenter: parent.verticalCenter }
        width: Math.max(implicitWidth, Math.round(row.unit * 0.8)) // two digits: scores line up
        horizontalAlignment: Text.AlignRight
        text: row.score >= 0 ? row.score : ""
        color: row.flashing ? Theme.accent : (row.dimmed ? Theme.dimText : Theme.text)
        font.family: Theme.fontFamily
        font.pixelSize: Math.round(row.unit * 0.6)
        font.bold: true
        scale: row.flashing ? 1.15 : 1
        transformOrigin: Item.Right
        Behavior on scale { NumberAnimation { duration: Theme.popDuration; easing.type: Easing.OutBack } }
    }
    Rectangle {
        objectName: "gainChip"
        anchors { right: scoreText.left; rightMargin: Theme.px(10); verticalCenter: parent.verticalCenter }
        visible: row.flashing && row.gained > 0
        opacity: flashBackground.opacity
        height: Math.round(row.unit * 0.46)
        width: gainText.implicitWidth + Theme.px(14)
        radius: height / 2
        color: Theme.accent
        Text {
            id: gainText
            anchors.centerIn: parent
            text: "+" + row.gained
            color: Theme.accentText
            font.family: Theme.fontFamily
            font.pixelSize: Math.round(row.unit * 0.28)
            font.bold: true
        }
    }
}

import QtQuick
import Endzone.Views

// The kiosk's title bar: the week, whether the board is narrowed to live and today's games, page dots
// when the games take more than one page, the connection state and a clock readable across a room.
// Everything arrives through properties, so the header needs no ids from the window it sits in.
Rectangle {
    id: header
    property string weekLabel
    property bool focused: false
    property bool liveOnly: false
    property int page: 0
    property int pageCount: 1
    property string liveStateName: "Offline"
    property string liveText

    implicitHeight: Theme.px(72)
    color: Theme.header

    Rectangle {
        anchors.bottom: parent.bottom
        width: parent.width
        height: Math.max(1, Theme.px(2))
        color: Theme.cardBorder
    }

    Row {
        anchors { left: parent.left; leftMargin: Theme.px(28); verticalCenter: parent.verticalCenter }
        spacing: Theme.px(18)
        Text {
            anchors.verticalCenter: parent.verticalCenter
            text: "ENDZONE"
            color: Theme.accent
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(28)
            font.bold: true
            font.letterSpacing: Theme.px(3)
        }
        Text {
            objectName: "kioskWeek"
            anchors.verticalCenter: parent.verticalCenter
            text: header.weekLabel
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(28)
            font.bold: true
        }
        Rectangle {
            objectName: "focusChip"
            visible: header.focused || header.liveOnly
            anchors.verticalCenter: parent.verticalCenter
            height: Theme.px(30)
            width: focusText.implicitWidth + Theme.px(24)
            radius: height / 2
            color: Qt.rgba(Theme.live.r, Theme.live.g, Theme.live.b, 0.16)
            border.color: Theme.live
            border.width: Math.max(1, Theme.px(1))
            Text {
                id: focusText
                anchors.centerIn: parent
                text: header.liveOnly ? qsTr("LIVE ONLY") : qsTr("LIVE & TODAY")
                color: Theme.live
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(14)
                font.bold: true
                font.letterSpacing: 1.5
            }
        }
    }

    Row {
        anchors { right: parent.right; rightMargin: Theme.px(28); verticalCenter: parent.verticalCenter }
        spacing: Theme.px(28)
        Row {
            objectName: "pageDots"
            anchors.verticalCenter: parent.verticalCenter
            spacing: Theme.px(10)
            visible: header.pageCount > 1
            Repeater {
                model: header.pageCount > 1 ? header.pageCount : 0
                delegate: Rectangle {
                    required property int index
                    anchors.verticalCenter: parent ? parent.verticalCenter : undefined
                    width: index === header.page ? Theme.px(28) : Theme.px(12)
                    height: Theme.px(12)
                    radius: height / 2
                    color: index === header.page ? Theme.accent : Theme.faintText
                    Behavior on width { NumberAnimation { duration: Theme.moveDuration } }
                }
            }
        }
        LiveIndicator {
            anchors.verticalCenter: parent.verticalCenter
            stateName: header.liveStateName
            text: header.liveText
            pixelSize: Theme.px(18)
        }
        Text {
            id: clock
            objectName: "kioskClock"
            anchors.verticalCenter: parent.verticalCenter
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(30)
            font.bold: true
            Timer {
                interval: 1000; running: true; repeat: true; triggeredOnStart: true
                onTriggered: clock.text = Qt.formatTime(new Date(), Qt.locale().timeFormat(Locale.ShortFormat).replace(":ss", ""))
            }
        }
    }
}

import QtQuick
import Endzone.Views

// "● Live", "Reconnecting… · last update 14:02", "Offline": the connection state at a glance.
Row {
    id: indicator
    property string stateName: "Offline" // Offline, Connecting, Live, Reconnecting
    property string text
    spacing: Theme.px(6)

    Rectangle {
        anchors.verticalCenter: parent.verticalCenter
        width: Theme.px(10); height: width; radius: width / 2
        color: indicator.stateName === "Live" ? Theme.good
             : indicator.stateName === "Offline" ? Theme.faintText : Theme.accent
    }
    Text {
        objectName: "liveText"
        anchors.verticalCenter: parent.verticalCenter
        text: indicator.text
        color: Theme.dimText
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(13)
    }
}

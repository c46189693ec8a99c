import QtQuick
import Endzone.Views

// "● Live", "Reconnecting… · last update 14:02", "Offline": the connection state at a glance.
Row {
    id: indicator
    property string stateName: "Offline" // Offline, Connecting, Live, Reconnecting
    property string text
    property int pixelSize: Theme.px(13)
    spacing: Math.round(pixelSize * 0.5)

    Rectangle {
        objectName: "liveLamp"
        anchors.verticalCenter: parent.verticalCenter
        width: Math.round(indicator.pixelSize * 0.75); height: width; radius: width / 2
        color: indicator.stateName === "Live" ? Theme.good
             : indicator.stateName === "Offline" ? Theme.faintText : Theme.accent
    }
    Text {
        objectName: "liveText"
        anchors.verticalCenter: parent.verticalCenter
        text: indicator.text
        color: indicator.stateName === "Live" ? Theme.text : Theme.dimText
        font.family: Theme.fontFamily
        font.pixelSize: indicator.pixelSize
        font.bold: indicator.stateName === "Live"
    }
}

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Endzone.Views

// Previous / next week, the week by name ("Wild Card", "Week 7"), the season, and "Now".
RowLayout {
    id: nav
    property string weekLabel
    property string seasonType // "PRE", "REG", "POST": the combo box matches this, never the translated name
    property string seasonTypeName
    property int season
    property bool atCurrentWeek: false
    property int liveCount: 0
    signal previousRequested()
    signal nextRequested()
    signal nowRequested()
    signal seasonTypeRequested(string code)
    signal seasonRequested(int season)

    spacing: Theme.px(6)

    ToolButton {
        objectName: "previousWeek"
        text: "‹"
        font.pixelSize: Theme.px(26)
        palette.buttonText: Theme.text
        onClicked: nav.previousRequested()
        Accessible.name: qsTr("Previous week")
    }
    Column {
        Layout.minimumWidth: Theme.px(200)
        Text {
            objectName: "weekTitle"
            anchors.horizontalCenter: parent.horizontalCenter
            text: nav.weekLabel
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(20)
            font.bold: true
        }
        Text {
            objectName: "seasonTitle"
            anchors.horizontalCenter: parent.horizontalCenter
            text: nav.season > 0 ? nav.season + " · " + nav.seasonTypeName : ""
            color: Theme.dimText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(13)
        }
        Text {
            objectName: "liveCount"
            anchors.horizontalCenter: parent.horizontalCenter
            visible: nav.liveCount > 0
            text: "● " + qsTr("%n live", "", nav.liveCount)
            color: Theme.live
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(13)
            font.bold: true
        }
    }
    ToolButton {
        objectName: "nextWeek"
        text: "›"
        font.pixelSize: Theme.px(26)
        palette.buttonText: Theme.text
        onClicked: nav.nextRequested()
        Accessible.name: qsTr("Next week")
    }
    ComboBox {
        objectName: "seasonTypeBox"
        model: [qsTr("Preseason"), qsTr("Regular Season"), qsTr("Postseason")]
        readonly property var codes: ["PRE", "REG", "POST"]
        currentIndex: Math.max(0, codes.indexOf(nav.seasonType))
        onActivated: (index) => nav.seasonTypeRequested(codes[index])
        implicitWidth: Theme.px(170)
        implicitHeight: Theme.px(40)
        font.pixelSize: Theme.px(13) // the controls grow with the window, as the labels beside them do
    }
    SpinBox {
        objectName: "seasonBox"
        from: 1970; to: 2100 // the archive starts in 1970
        value: nav.season > 0 ? nav.season : 2025
        editable: true
        textFromValue: (value) => "" + value
        onValueModified: nav.seasonRequested(value)
        implicitWidth: Theme.px(130)
        implicitHeight: Theme.px(40)
        font.pixelSize: Theme.px(13)
    }
    Button {
        objectName: "nowButton"
        text: qsTr("Now")
        highlighted: !nav.atCurrentWeek
        onClicked: nav.nowRequested()
        implicitHeight: Theme.px(40)
        font.pixelSize: Theme.px(13)
    }
}

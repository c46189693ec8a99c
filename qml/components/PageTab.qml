import QtQuick
import QtQuick.Controls
import Endzone.Views

// A page tab in the app's own colours. The Basic style fills unselected tabs with palette.dark, which on
// the light theme is a washed-out grey slab; here an unselected tab is plain text on the header and the
// selected one is bold with an accent underline, readable in both themes.
TabButton {
    id: tab
    width: implicitWidth
    leftPadding: Theme.px(14)
    rightPadding: Theme.px(14)
    topPadding: Theme.px(8)
    bottomPadding: Theme.px(8)
    font.family: Theme.fontFamily
    font.pixelSize: Theme.px(15)
    font.bold: checked

    contentItem: Text {
        text: tab.text
        font: tab.font
        color: tab.checked || tab.hovered ? Theme.text : Theme.dimText
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    background: Item {
        implicitHeight: Theme.px(44)
        Rectangle {
            anchors.fill: parent
            anchors.margins: Theme.px(4)
            radius: Theme.px(8)
            color: Theme.hover
            visible: tab.hovered && !tab.checked
        }
        Rectangle {
            objectName: "tabUnderline"
            anchors { bottom: parent.bottom; horizontalCenter: parent.horizontalCenter }
            width: parent.width - Theme.px(16)
            height: Theme.px(3)
            radius: height / 2
            color: Theme.accent
            visible: tab.checked
        }
    }
}

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Endzone
import Endzone.Views

// The bell in the header: one switch per favourite for its desktop notifications (kickoff, scores, lead
// changes, final). On by default; a switched-off team is kept in the settings file's `notify-muted`.
ToolButton {
    id: bell
    objectName: "notificationsButton"
    // A bell drawn from rectangles: no emoji font is needed (the offscreen and kiosk fonts have none).
    contentItem: Item {
        implicitWidth: Theme.px(20)
        implicitHeight: Theme.px(20)
        readonly property real s: Theme.px(18)
        Rectangle { // the dome
            x: (parent.width - width) / 2; y: (parent.height - parent.s) / 2 + parent.s * 0.08
            width: parent.s * 0.62; height: parent.s * 0.62; radius: width / 2
            color: Theme.text
        }
        Rectangle { // the flared lower body
            x: (parent.width - width) / 2; y: (parent.height - parent.s) / 2 + parent.s * 0.4
            width: parent.s * 0.62; height: parent.s * 0.3
            color: Theme.text
        }
        Rectangle { // the rim
            x: (parent.width - width) / 2; y: (parent.height - parent.s) / 2 + parent.s * 0.68
            width: parent.s * 0.86; height: parent.s * 0.1; radius: height / 2
            color: Theme.text
        }
        Rectangle { // the clapper
            x: (parent.width - width) / 2; y: (parent.height - parent.s) / 2 + parent.s * 0.8
            width: parent.s * 0.22; height: width; radius: width / 2
            color: Theme.text
        }
    }
    onClicked: popup.open()
    Accessible.name: qsTr("Notifications")
    ToolTip.visible: hovered
    ToolTip.text: qsTr("Notifications for favourite teams")

    Popup {
        id: popup
        objectName: "notificationsPopup"
        y: bell.height
        x: bell.width - width
        padding: Theme.px(14)
        background: Rectangle { color: Theme.card; border.color: Theme.cardBorder; radius: Theme.px(8) }

        ColumnLayout {
            spacing: Theme.px(8)
            Text {
                text: qsTr("Notify me about")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(15)
                font.bold: true
            }
            Text {
                visible: Favourites.teams.length === 0
                text: qsTr("Mark a team as a favourite to get notifications for its games.")
                color: Theme.dimText
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(13)
                wrapMode: Text.WordWrap
                Layout.maximumWidth: Theme.px(280)
            }
            Repeater {
                model: Favourites.teams
                delegate: Switch {
                    required property string modelData
                    objectName: "notify-" + modelData
                    text: modelData
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(14)
                    palette.windowText: Theme.text
                    checked: Settings.notifyMuted.indexOf(modelData) < 0
                    onToggled: Settings.setNotificationsFor(modelData, checked)
                    Accessible.name: qsTr("Notifications for %1").arg(modelData)
                }
            }
        }
    }
}

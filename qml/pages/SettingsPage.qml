pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Endzone
import Endzone.Views

// What the user chooses for every run: favourite teams in priority order (their games come first, the kiosk
// pins the first one that is live) and the spoiler delay. Both are written to the one config file.
ColumnLayout {
    id: page
    spacing: Theme.px(12)

    Label {
        Layout.margins: Theme.px(16); Layout.bottomMargin: 0
        text: qsTr("Favourite teams, highest priority first")
        color: Theme.text
        font.pixelSize: Theme.px(16)
        font.bold: true
    }
    ListView {
        id: favourites
        objectName: "favouritesList"
        Layout.leftMargin: Theme.px(16)
        Layout.preferredWidth: Theme.px(420)
        Layout.preferredHeight: Math.max(1, count) * Theme.px(44)
        interactive: false
        model: Favourites.teams
        delegate: RowLayout {
            id: entry
            required property string modelData
            required property int index
            width: favourites.width
            height: Theme.px(44)
            spacing: Theme.px(8)
            Label {
                text: (entry.index + 1) + "."
                color: Theme.dimText
                font.pixelSize: Theme.px(15)
                Layout.preferredWidth: Theme.px(28)
            }
            Label {
                text: entry.modelData
                color: Theme.text
                font.pixelSize: Theme.px(15)
                font.bold: true
                Layout.fillWidth: true
            }
            Button {
                objectName: "favouriteUp"
                Layout.preferredWidth: Theme.px(44)
                text: "▲"
                enabled: entry.index > 0
                onClicked: Favourites.move(entry.index, entry.index - 1)
                Accessible.name: qsTr("Move %1 up").arg(entry.modelData)
            }
            Button {
                objectName: "favouriteDown"
                Layout.preferredWidth: Theme.px(44)
                text: "▼"
                enabled: entry.index < favourites.count - 1
                onClicked: Favourites.move(entry.index, entry.index + 1)
                Accessible.name: qsTr("Move %1 down").arg(entry.modelData)
            }
            Button {
                objectName: "favouriteRemove"
                Layout.preferredWidth: Theme.px(44)
                text: "✕"
                onClicked: Favourites.toggle(entry.modelData) // today's codes: never the shown season's
                Accessible.name: qsTr("Remove %1").arg(entry.modelData)
            }
        }
    }
    Label {
        Layout.leftMargin: Theme.px(16)
        visible: favourites.count === 0
        text: qsTr("No favourites yet: add a team below, or press F on a game card.")
        color: Theme.dimText
    }
    RowLayout {
        Layout.leftMargin: Theme.px(16)
        spacing: Theme.px(8)
        ComboBox {
            id: teamBox
            objectName: "teamBox"
            model: Settings.teams
            Accessible.name: qsTr("Team")
        }
        Button {
            objectName: "addFavourite"
            text: qsTr("Add")
            enabled: Favourites.teams.indexOf(teamBox.currentText) < 0
            onClicked: Favourites.toggle(teamBox.currentText)
        }
    }

    Label {
        Layout.leftMargin: Theme.px(16); Layout.topMargin: Theme.px(16)
        text: qsTr("Spoiler delay")
        color: Theme.text
        font.pixelSize: Theme.px(16)
        font.bold: true
    }
    RowLayout {
        Layout.leftMargin: Theme.px(16)
        spacing: Theme.px(8)
        SpinBox {
            objectName: "delayBox"
            from: 0; to: 120
            value: Settings.delay
            editable: true
            onValueModified: Settings.delay = value
            Accessible.name: qsTr("Spoiler delay in seconds")
        }
        Label {
            text: qsTr("seconds: scores and clocks appear this long after they arrive, to match your stream")
            color: Theme.dimText
        }
    }
    Item { Layout.fillHeight: true }
}

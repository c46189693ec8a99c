import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Endzone
import Endzone.Views

// Import seasons from the feed into the local store, in the background, with progress and cancel.
ColumnLayout {
    spacing: Theme.px(12)
    RowLayout {
        Layout.margins: Theme.px(16)
        spacing: Theme.px(12)
        Label { text: qsTr("Season"); color: Theme.text }
        SpinBox {
            id: seasonBox
            objectName: "importSeason"
            from: 1970; to: 2100 // the archive starts in 1970
            value: Navigator.season > 0 ? Navigator.season : 2025
            editable: true
            textFromValue: (value) => "" + value
        }
        CheckBox { id: pre; text: qsTr("Preseason") }
        CheckBox { id: reg; text: qsTr("Regular season"); checked: true }
        CheckBox { id: post; text: qsTr("Postseason"); checked: true }
        Button {
            objectName: "importButton"
            text: Importer.running ? qsTr("Cancel") : qsTr("Import")
            onClicked: Importer.running ? Importer.cancel()
                                        : Importer.start(seasonBox.value, pre.checked, reg.checked, post.checked)
        }
        Item { Layout.fillWidth: true }
    }
    ProgressBar {
        Layout.fillWidth: true
        Layout.leftMargin: Theme.px(16); Layout.rightMargin: Theme.px(16)
        from: 0; to: Math.max(1, Importer.total)
        value: Importer.done
        visible: Importer.running || Importer.done > 0
    }
    Label {
        Layout.leftMargin: Theme.px(16)
        text: Importer.status + (Importer.running ? "  " + Importer.done + "/" + Importer.total : "")
        color: Theme.dimText
    }
    Item { Layout.fillHeight: true }
}

pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Endzone
import Endzone.Views

// A team across every stored season: type an abbreviation, a city or a nickname.
ColumnLayout {
    spacing: Theme.px(8)
    RowLayout {
        Layout.margins: Theme.px(12)
        TextField {
            objectName: "searchField"
            Layout.preferredWidth: Theme.px(320)
            placeholderText: qsTr("Team: KC, Green Bay, Pats…")
            text: TeamSearch.query
            onTextEdited: TeamSearch.query = text
        }
        Repeater {
            model: TeamSearch.matches
            delegate: Button {
                required property string modelData
                text: modelData
                flat: modelData !== TeamSearch.team
                onClicked: TeamSearch.team = modelData
            }
        }
        Text { text: TeamSearch.team ? qsTr("Record %1").arg(TeamSearch.record) : ""; color: Theme.dimText }
        Item { Layout.fillWidth: true }
    }
    ListView {
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        model: TeamSearch
        delegate: TeamGameLine { width: ListView.view.width; showSeason: true }
    }
}

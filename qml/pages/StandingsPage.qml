pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Endzone
import Endzone.Views

// Standings of any stored season, from the local store; click a column header to sort by it.
ColumnLayout {
    id: page
    spacing: Theme.px(8)
    readonly property var columns: [
        { title: qsTr("Team"), role: StandingsModel.TeamRole, width: 3 },
        { title: qsTr("W", "wins"), role: StandingsModel.WinsRole, width: 1 },
        { title: qsTr("L", "losses"), role: StandingsModel.LossesRole, width: 1 },
        { title: qsTr("T", "ties"), role: StandingsModel.TiesRole, width: 1 },
        { title: qsTr("PCT", "winning percentage"), role: StandingsModel.PercentageRole, width: 1.2 },
        { title: qsTr("PF", "points for"), role: StandingsModel.PointsForRole, width: 1 },
        { title: qsTr("PA", "points against"), role: StandingsModel.PointsAgainstRole, width: 1 },
        { title: qsTr("DIFF", "point difference"), role: StandingsModel.DifferenceRole, width: 1 }
    ]
    // The league order from the model, sorted by the clicked column in this view only.
    readonly property StandingsTable table: StandingsTable { sourceModel: Standings }
    Component.onCompleted: Standings.reload()

    RowLayout {
        Layout.margins: Theme.px(12)
        Label { text: qsTr("Season"); color: Theme.dimText }
        ComboBox {
            objectName: "standingsSeason"
            model: Standings.seasons
            currentIndex: Standings.seasons.indexOf(Standings.season)
            onActivated: (index) => Standings.season = Standings.seasons[index]
        }
        Item { Layout.fillWidth: true }
    }
    Row {
        Layout.fillWidth: true
        Layout.leftMargin: Theme.px(12)
        Repeater {
            model: page.columns
            delegate: ItemDelegate {
                required property var modelData
                width: (page.width - Theme.px(24)) * modelData.width / 10.2
                text: modelData.title + (page.table.sortColumnRole === modelData.role ? (page.table.ascending ? " ▲" : " ▼") : "")
                font.bold: true
                onClicked: page.table.sortBy(modelData.role)
            }
        }
    }
    ListView {
        objectName: "standingsList"
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.leftMargin: Theme.px(12)
        Layout.rightMargin: Theme.px(12)
        clip: true
        model: page.table
        delegate: Rectangle {
            id: line
            required property int index
            required property string team
            required property string name
            required property color teamColor
            required property int wins
            required property int losses
            required property int ties
            required property real percentage
            required property int pointsFor
            required property int pointsAgainst
            required property int difference
            width: ListView.view.width
            height: Theme.px(40)
            color: index % 2 ? "transparent" : Theme.stripe
            readonly property var cells: ["", wins, losses, ties, percentage.toFixed(3).replace(/^0/, ""),
                pointsFor, pointsAgainst, (difference > 0 ? "+" : "") + difference]
            Row {
                anchors.fill: parent
                Repeater {
                    model: page.columns.length
                    delegate: Item {
                        id: cellItem
                        required property int index
                        width: (page.width - Theme.px(24)) * page.columns[index].width / 10.2
                        height: line.height
                        Row {
                            visible: cellItem.index === 0
                            anchors.verticalCenter: parent.verticalCenter
                            spacing: Theme.px(10)
                            TeamBadge { abbr: line.team; teamColor: line.teamColor; size: Theme.px(26) }
                            Text { text: line.name; color: Theme.text; font.pixelSize: Theme.px(15); anchors.verticalCenter: parent.verticalCenter }
                        }
                        Text {
                            visible: cellItem.index > 0
                            anchors.verticalCenter: parent.verticalCenter
                            leftPadding: Theme.px(12)
                            text: line.cells[cellItem.index]
                            color: Theme.text
                            font.pixelSize: Theme.px(15)
                        }
                    }
                }
            }
        }
    }
}

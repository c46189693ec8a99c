pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Endzone
import Endzone.Views

// One team's season: schedule and results, record, and points per week.
ColumnLayout {
    id: page
    spacing: Theme.px(8)
    Component.onCompleted: {
        TeamSeason.refreshSeasons()
        if (TeamSeason.team === "")
            TeamSeason.team = Favourites.teams.length > 0 ? Favourites.teams[0] : "NE"
    }

    RowLayout {
        Layout.margins: Theme.px(12)
        spacing: Theme.px(10)
        ComboBox {
            id: teamBox
            objectName: "teamBox"
            model: TeamDirectory.abbreviations()
            currentIndex: model.indexOf(TeamSeason.team)
            onActivated: (index) => TeamSeason.team = model[index]
        }
        ComboBox {
            objectName: "teamSeasonBox"
            model: TeamSeason.seasons
            currentIndex: TeamSeason.seasons.indexOf(TeamSeason.season)
            onActivated: (index) => TeamSeason.season = TeamSeason.seasons[index]
        }
        TeamBadge { abbr: TeamSeason.team; teamColor: TeamDirectory.primary(TeamSeason.team); size: Theme.px(34) }
        Text {
            // The club's name in the season shown: "Washington Redskins" in 2015
            text: TeamDirectory.displayName(TeamSeason.team, TeamSeason.season) + "   " + TeamSeason.record
            color: Theme.text
            font.pixelSize: Theme.px(20)
            font.bold: true
        }
        Item { Layout.fillWidth: true }
    }
    PointsChart {
        Layout.fillWidth: true
        Layout.preferredHeight: Theme.px(180)
        Layout.leftMargin: Theme.px(12)
        Layout.rightMargin: Theme.px(12)
        points: TeamSeason.points
        barColor: TeamDirectory.primary(TeamSeason.team)
    }
    ListView {
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        model: TeamSeason
        delegate: TeamGameLine { width: ListView.view.width }
    }
}

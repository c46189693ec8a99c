pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Endzone
import Endzone.Views

// The week as a grid of game cards that reflows from a phone-sized window to a 4K wall.
Item {
    id: page
    property alias grid: grid
    // A card was clicked, or Enter pressed on it (or on the grid's current card).
    signal gameOpened(string eid)

    WeekNavigator {
        // The page's own bar: which week is shown, and the way to any other.
        id: navigator
        anchors { top: parent.top; horizontalCenter: parent.horizontalCenter; topMargin: Theme.px(10) }
        weekLabel: Scoreboard.weekLabel
        seasonTypeName: Scoreboard.seasonTypeName
        season: Scoreboard.season
        atCurrentWeek: Scoreboard.showingCurrentWeek
        liveCount: Scoreboard.liveCount
        onPreviousRequested: Scoreboard.previousWeek()
        onNextRequested: Scoreboard.nextWeek()
        onNowRequested: Scoreboard.showNow()
        // Week 1 of PRE and REG; -1 asks C++ for the postseason's first week (18 to 2020, 19 from 2021)
        onSeasonTypeRequested: (code) => Scoreboard.showWeek(Scoreboard.season, code, code === "POST" ? -1 : 1)
        onSeasonRequested: (season) => Scoreboard.showWeek(season, Scoreboard.seasonType, Scoreboard.week)
    }

    Label {
        // The week's byes, as ESPN lists them: absent (no line at all) for the scorestrip.
        id: byesLine
        objectName: "byesLine"
        anchors { top: navigator.bottom; horizontalCenter: parent.horizontalCenter; topMargin: Theme.px(4) }
        visible: Scoreboard.byes.length > 0
        height: visible ? implicitHeight : 0
        text: qsTr("On bye: %1").arg(Scoreboard.byes.join(", "))
        color: Theme.dimText
        font.pixelSize: Theme.px(12)
        elide: Text.ElideRight
        width: Math.min(implicitWidth, page.width - Theme.px(24))
    }

    GridView {
        id: grid
        objectName: "scoreboardGrid"
        anchors { left: parent.left; right: parent.right; top: byesLine.bottom; bottom: parent.bottom }
        anchors.margins: Theme.px(12)
        model: Scoreboard
        clip: true
        readonly property real minCell: Theme.px(340) + Theme.px(16)
        readonly property int columns: Math.max(1, Math.floor(width / minCell))
        cellWidth: Math.floor(width / columns)
        cellHeight: Theme.px(172) + Theme.px(16)
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}
        // The keyboard: arrows move between cards (GridView's own key navigation), F toggles the favourite.
        focus: true
        keyNavigationEnabled: true
        highlightFollowsCurrentItem: false
        Component.onCompleted: forceActiveFocus()
        // The ring shows once the keyboard is in use (as :focus-visible on the web), not on a mouse user's card.
        property bool keyboardUsed: false
        Keys.onPressed: (event) => {
            keyboardUsed = true
            if (event.key === Qt.Key_F && currentItem) {
                currentItem.toggleFavourite()
                event.accepted = true
            }
        }
        Keys.onReturnPressed: if (currentItem) page.gameOpened(currentItem.eid)
        Keys.onEnterPressed: if (currentItem) page.gameOpened(currentItem.eid)

        delegate: Item {
            id: cell
            required property string eid
            required property string homeAbbr
            required property string homeNickname
            required property int homeScore
            required property color homeColor
            required property string visitorAbbr
            required property string visitorNickname
            required property int visitorScore
            required property color visitorColor
            required property string stateText
            required property bool isLive
            required property bool isFinal
            required property string possession
            required property bool redZone
            required property bool favourite
            required property string gameState
            required property string clock
            required property string downDistance
            required property string ballOn
            required property int homeTimeouts
            required property int visitorTimeouts
            required property string lastPlay
            required property real homeWinProbability
            required property string venue
            required property string venueCity
            required property bool neutralSite
            required property string broadcast

            width: grid.cellWidth
            height: grid.cellHeight
            // The game's highest-priority favourite goes; otherwise the home team becomes one.
            function toggleFavourite() {
                const team = Scoreboard.favouriteTeamOf(homeAbbr, visitorAbbr)
                Scoreboard.toggleFavourite(team !== "" ? team : homeAbbr)
            }

            GameCard {
                current: cell.GridView.isCurrentItem && grid.activeFocus && grid.keyboardUsed
                anchors.fill: parent
                anchors.margins: Theme.px(8)
                eid: cell.eid
                homeAbbr: cell.homeAbbr; homeNickname: cell.homeNickname
                homeScore: cell.homeScore; homeColor: cell.homeColor
                visitorAbbr: cell.visitorAbbr; visitorNickname: cell.visitorNickname
                visitorScore: cell.visitorScore; visitorColor: cell.visitorColor
                stateText: cell.stateText
                isLive: cell.isLive; isFinal: cell.isFinal
                possession: cell.possession; redZone: cell.redZone
                favourite: cell.favourite
                gameState: cell.gameState
                clock: cell.clock
                downDistance: cell.downDistance; ballOn: cell.ballOn
                homeTimeouts: cell.homeTimeouts; visitorTimeouts: cell.visitorTimeouts
                lastPlay: cell.lastPlay; homeWinProbability: cell.homeWinProbability
                venue: cell.venue; venueCity: cell.venueCity; neutralSite: cell.neutralSite
                broadcast: cell.broadcast
                onOpened: (eid) => page.gameOpened(eid)
                onFavouriteToggled: cell.toggleFavourite()
            }
        }

        move: Transition { NumberAnimation { properties: "x,y"; duration: 300; easing.type: Easing.OutCubic } }
        displaced: Transition { NumberAnimation { properties: "x,y"; duration: 300; easing.type: Easing.OutCubic } }
    }

    Text {
        anchors.centerIn: parent
        visible: grid.count === 0
        text: qsTr("No games stored for this week yet")
        color: Theme.dimText
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(18)
    }
}

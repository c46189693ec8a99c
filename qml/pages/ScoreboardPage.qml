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
        weekLabel: Navigator.weekLabel
        seasonType: Navigator.seasonType
        seasonTypeName: Navigator.seasonTypeName
        season: Navigator.season
        atCurrentWeek: Navigator.showingCurrentWeek
        liveCount: Scoreboard.liveCount
        onPreviousRequested: Navigator.previousWeek()
        onNextRequested: Navigator.nextWeek()
        onNowRequested: Navigator.showNow()
        // Week 1 of PRE and REG; -1 asks C++ for the postseason's first week (18 to 2020, 19 from 2021)
        onSeasonTypeRequested: (code) => Navigator.showWeek(Navigator.season, code, code === "POST" ? -1 : 1)
        onSeasonRequested: (season) => Navigator.showWeek(season, Navigator.seasonType, Navigator.week)
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
        readonly property real minCell: Theme.cardWidth + Theme.cardGap
        readonly property int columns: Math.max(1, Math.floor(width / minCell))
        cellWidth: Math.floor(width / columns)
        cellHeight: Theme.cardHeight + Theme.cardGap
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
                Favourites.toggleGame(currentItem.homeAbbr, currentItem.visitorAbbr, Navigator.season)
                event.accepted = true
            }
        }
        Keys.onReturnPressed: if (currentItem) page.gameOpened(currentItem.eid)
        Keys.onEnterPressed: if (currentItem) page.gameOpened(currentItem.eid)

        delegate: GameCard {
            id: card
            width: grid.cellWidth
            height: grid.cellHeight
            inset: Theme.cardGap / 2
            current: GridView.isCurrentItem && grid.activeFocus && grid.keyboardUsed
            onOpened: (eid) => page.gameOpened(eid)
            onFavouriteToggled: Favourites.toggleGame(card.homeAbbr, card.visitorAbbr, Navigator.season)
        }

        move: Transition { NumberAnimation { properties: "x,y"; duration: Theme.moveDuration; easing.type: Easing.OutCubic } }
        displaced: Transition {
            NumberAnimation { properties: "x,y"; duration: Theme.moveDuration; easing.type: Easing.OutCubic }
        }
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

pragma ComponentBehavior: Bound
import QtQuick
import Endzone.Views

// The wall board: large cards, no controls, and when the games do not fit, it pages through them.
// Memory stays flat over days: one GridView whose delegates are reused, a single timer, no growing state.
// A pinned game (the highest-priority favourite that is live) keeps a large card on the left while the
// others page beside it. In live-only mode with nothing live, a banner counts down to the next kickoff above
// today's finals.
Item {
    id: board
    property alias model: grid.model
    property int interval: 12000
    property int page: 0
    property bool autoPage: true
    signal gameOpened(string eid)
    // The pinned game as a model of one row (KioskGames.pinnedGames), and whether there is one.
    property alias pinnedModel: pinnedCards.model
    property bool hasPinned: false
    // Live-only mode: with nothing live, what comes next.
    property bool liveOnly: false
    property bool anyLive: true
    property string nextMatchup
    property string countdown
    readonly property bool showBanner: liveOnly && !anyLive
    // The area the paged grid gets: the board less the pinned card and the banner.
    readonly property real gridWidth: grid.width
    readonly property real gridHeight: grid.height
    // The smallest card that is still readable across a room; bigger when there is space to spare.
    readonly property real minCellWidth: Theme.px(330)
    readonly property real minCellHeight: Theme.px(200)
    readonly property int maxColumns: Math.max(1, Math.floor(gridWidth / minCellWidth))
    readonly property int maxRows: Math.max(1, Math.floor(gridHeight / minCellHeight))
    // The most games one page can hold.
    readonly property int capacity: maxColumns * maxRows
    // When everything fits, the grid with the largest cards that holds every game; else a full grid.
    readonly property var layout: {
        const count = grid.count
        if (count <= 0 || count > capacity)
            return { columns: maxColumns, rows: maxRows }
        let best = { columns: maxColumns, rows: maxRows, size: 0 }
        for (let r = 1; r <= maxRows; ++r) {
            const c = Math.ceil(count / r)
            if (c > maxColumns)
                continue
            const size = Math.min(gridWidth / c / minCellWidth, gridHeight / r / minCellHeight)
            if (size > best.size + 0.001)
                best = { columns: c, rows: r, size: size }
        }
        return best
    }
    readonly property int columns: layout.columns
    readonly property int rows: layout.rows
    readonly property int perPage: columns * rows
    readonly property int pageCount: Math.max(1, Math.ceil(grid.count / perPage))
    readonly property alias count: grid.count

    function nextPage() { page = (page + 1) % pageCount }
    // The index of the first game on the shown page.
    function firstIndexOnPage() { return page * perPage }

    onPageCountChanged: if (page >= pageCount) page = 0
    onPageChanged: grid.showPage()
    onPerPageChanged: grid.showPage()

    Timer {
        objectName: "pageTimer"
        interval: board.interval
        running: board.autoPage && board.pageCount > 1
        repeat: true
        onTriggered: board.nextPage()
    }

    Item {
        // The pinned favourite: a large card that stays while the others page.
        id: pinnedArea
        objectName: "pinnedArea"
        visible: board.hasPinned
        anchors { left: parent.left; top: banner.bottom; bottom: parent.bottom }
        width: visible ? Math.round(parent.width * 0.45) : 0

        Repeater {
            id: pinnedCards
            delegate: GameCard {
                objectName: "pinnedCard"
                anchors.centerIn: parent
                width: pinnedArea.width - Theme.px(24)
                height: Math.min(pinnedArea.height - Theme.px(24), width * 0.62)
                showFavourite: false
                onOpened: (eid) => board.gameOpened(eid)
            }
        }
    }

    Column {
        // Live-only with nothing live: what the board waits for, or that the day is done.
        id: banner
        objectName: "nextKickoffBanner"
        visible: board.showBanner
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: visible ? implicitHeight + Theme.px(16) : 0
        topPadding: Theme.px(8)
        spacing: Theme.px(6)
        Text {
            objectName: "nothingLiveText"
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: board.nextMatchup !== "" ? qsTr("Nothing live. Next kickoff: %1").arg(board.nextMatchup)
                                           : qsTr("Nothing live, and no more games to come this week")
            color: Theme.dimText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(26)
            elide: Text.ElideRight
        }
        Text {
            objectName: "countdownText"
            visible: board.countdown !== ""
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: board.countdown
            color: Theme.accent
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(64)
            font.bold: true
        }
        Text {
            objectName: "finalsTitle"
            visible: grid.count > 0
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("Today's finals")
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(22)
            font.bold: true
        }
    }

    GridView {
        id: grid
        objectName: "kioskGrid"
        anchors { left: pinnedArea.right; right: parent.right; top: banner.bottom; bottom: parent.bottom }
        interactive: false
        clip: true // the next page's first row must not peek in under the last one
        cellWidth: Math.floor(width / board.columns)
        cellHeight: Math.floor(height / board.rows)
        cacheBuffer: 0
        function showPage() { contentY = originY + board.page * board.rows * cellHeight }
        onCountChanged: showPage()
        Behavior on contentY { NumberAnimation { duration: Theme.pageDuration; easing.type: Easing.InOutCubic } }

        delegate: GameCard {
            width: grid.cellWidth
            height: grid.cellHeight
            inset: Theme.px(12)
            showFavourite: false
            onOpened: (eid) => board.gameOpened(eid)
        }
    }
}

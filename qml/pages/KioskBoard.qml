pragma ComponentBehavior: Bound
import QtQuick
import Endzone.Views

// The wall board: large cards, no controls, and when the games do not fit, it pages through them.
// Memory stays flat over days: one GridView whose delegates are reused, a single timer, no growing state.
Item {
    id: board
    property alias model: grid.model
    property int interval: 12000
    property int page: 0
    property bool autoPage: true
    readonly property int columns: Math.max(1, Math.floor(width / Theme.px(400)))
    readonly property int rows: Math.max(1, Math.floor(height / Theme.px(190)))
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

    GridView {
        id: grid
        objectName: "kioskGrid"
        anchors.fill: parent
        interactive: false
        cellWidth: Math.floor(width / board.columns)
        cellHeight: Math.floor(height / board.rows)
        cacheBuffer: 0
        function showPage() { contentY = originY + board.page * board.rows * cellHeight }
        onCountChanged: showPage()
        Behavior on contentY { NumberAnimation { duration: 600; easing.type: Easing.InOutCubic } }

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
            width: grid.cellWidth
            height: grid.cellHeight

            GameCard {
                anchors.fill: parent
                anchors.margins: Theme.px(10)
                showFavourite: false
                eid: cell.eid
                homeAbbr: cell.homeAbbr; homeNickname: cell.homeNickname
                homeScore: cell.homeScore; homeColor: cell.homeColor
                visitorAbbr: cell.visitorAbbr; visitorNickname: cell.visitorNickname
                visitorScore: cell.visitorScore; visitorColor: cell.visitorColor
                stateText: cell.stateText
                isLive: cell.isLive; isFinal: cell.isFinal
                possession: cell.possession; redZone: cell.redZone
                favourite: cell.favourite
            }
        }
    }
}

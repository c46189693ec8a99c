import QtQuick
import QtTest
import Endzone.Views

// The kiosk pages through games that do not fit, and wraps around.
Item {
    id: root
    width: 1000; height: 500

    ListModel { id: games }

    KioskBoard {
        id: board
        anchors.fill: parent
        autoPage: false
        model: games
    }

    TestCase {
        name: "KioskBoard"
        when: windowShown

        function fill(n) {
            games.clear()
            for (let i = 0; i < n; ++i)
                games.append({ eid: "g" + i, homeAbbr: "KC", homeNickname: "Chiefs", homeScore: i, homeColor: "#E31837",
                               visitorAbbr: "BUF", visitorNickname: "Bills", visitorScore: 0, visitorColor: "#00338D",
                               stateText: "Q1 10:00", isLive: true, isFinal: false, possession: "KC",
                               redZone: false, favourite: false, gameState: "1", clock: "10:00",
                               downDistance: "", ballOn: "", homeTimeouts: -1, visitorTimeouts: -1, lastPlay: "",
                               homeWinProbability: -1, venue: "", venueCity: "", neutralSite: false, broadcast: "" })
        }

        function test_everything_fits_on_one_page() {
            fill(board.capacity)
            tryCompare(board, "pageCount", 1)
            board.nextPage()
            compare(board.page, 0)
        }

        function test_pages_and_wraps() {
            verify(board.capacity >= 2)
            fill(board.capacity * 2 + 1)
            tryCompare(board, "perPage", board.capacity)
            tryCompare(board, "pageCount", 3)
            board.page = 0
            board.nextPage()
            compare(board.page, 1)
            compare(board.firstIndexOnPage(), board.perPage)
            const grid = findChild(board, "kioskGrid")
            tryVerify(() => Math.abs(grid.contentY - board.rows * grid.cellHeight) < 1, 2000)
            board.nextPage()
            board.nextPage()
            compare(board.page, 0)
        }

        function test_auto_paging_timer() {
            fill(board.capacity * 2)
            board.page = 0
            board.interval = 100
            board.autoPage = true
            tryCompare(board, "page", 1, 2000)
            board.autoPage = false
        }

        // A few games get bigger cards: the grid that holds them all with the largest cells.
        function test_few_games_fill_the_board() {
            fill(2)
            tryCompare(board, "pageCount", 1)
            tryVerify(() => board.columns * board.rows >= 2 && board.perPage < board.capacity, 2000)
            const grid = findChild(board, "kioskGrid")
            tryVerify(() => grid.cellWidth >= board.width / 2 - 1, 2000)
        }

        function test_shrinking_list_resets_the_page() {
            fill(board.capacity * 3)
            tryCompare(board, "pageCount", 3)
            board.page = 2
            fill(1)
            tryCompare(board, "page", 0)
        }
    }
}

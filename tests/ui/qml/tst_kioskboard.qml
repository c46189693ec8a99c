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
                               redZone: false, favourite: false })
        }

        function test_everything_fits_on_one_page() {
            fill(board.perPage)
            tryCompare(board, "pageCount", 1)
            board.nextPage()
            compare(board.page, 0)
        }

        function test_pages_and_wraps() {
            verify(board.perPage >= 1)
            fill(board.perPage * 2 + 1)
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
            fill(board.perPage * 2)
            board.page = 0
            board.interval = 100
            board.autoPage = true
            tryCompare(board, "page", 1, 2000)
            board.autoPage = false
        }

        function test_shrinking_list_resets_the_page() {
            fill(board.perPage * 3)
            tryCompare(board, "pageCount", 3)
            board.page = 2
            fill(1)
            tryCompare(board, "page", 0)
        }
    }
}

import QtQuick
import QtTest
import Endzone.Views

// The kiosk header shows one dot per page, the current one drawn long, and nothing when one page holds all.
Item {
    id: root
    width: 1600; height: 120

    KioskHeader {
        id: header
        width: root.width
        weekLabel: "Week 1"
        liveStateName: "Live"
        liveText: "Live"
    }

    TestCase {
        name: "KioskHeader"
        when: windowShown

        function dots() {
            const row = findChild(header, "pageDots")
            const result = []
            for (let i = 0; i < row.children.length; ++i) {
                if (row.children[i].width !== undefined && row.children[i].radius !== undefined)
                    result.push(row.children[i])
            }
            return result
        }

        function test_one_page_no_dots() {
            header.pageCount = 1
            verify(!findChild(header, "pageDots").visible)
        }

        function test_dots_follow_the_page() {
            header.pageCount = 3
            header.page = 1
            verify(findChild(header, "pageDots").visible)
            tryCompare(dots(), "length", 3)
            tryVerify(() => dots()[1].width > dots()[0].width, 1000)
            header.page = 2
            tryVerify(() => dots()[2].width > dots()[1].width, 1000)
        }

        function test_focus_chip() {
            header.focused = false
            verify(!findChild(header, "focusChip").visible)
            header.focused = true
            verify(findChild(header, "focusChip").visible)
            compare(findChild(header, "kioskWeek").text, "Week 1")
        }
    }
}

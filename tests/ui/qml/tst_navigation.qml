import QtQuick
import QtTest
import Endzone.Views

// Week navigation: buttons emit what the scoreboard acts on, and the labels follow the model.
Item {
    id: root
    width: 1200; height: 200

    WeekNavigator {
        id: nav
        weekLabel: "Wild Card"
        seasonType: "POST"
        seasonTypeName: "Postseason"
        season: 2025
    }
    SignalSpy { id: previousSpy; target: nav; signalName: "previousRequested" }
    SignalSpy { id: nextSpy; target: nav; signalName: "nextRequested" }
    SignalSpy { id: nowSpy; target: nav; signalName: "nowRequested" }

    TestCase {
        name: "WeekNavigator"
        when: windowShown

        function test_labels() {
            compare(findChild(nav, "weekTitle").text, "Wild Card")
            compare(findChild(nav, "seasonTitle").text, "2025 · Postseason")
            compare(findChild(nav, "seasonTypeBox").currentIndex, 2)
        }

        function test_buttons() {
            mouseClick(findChild(nav, "previousWeek"))
            mouseClick(findChild(nav, "nextWeek"))
            mouseClick(findChild(nav, "nextWeek"))
            mouseClick(findChild(nav, "nowButton"))
            compare(previousSpy.count, 1)
            compare(nextSpy.count, 2)
            compare(nowSpy.count, 1)
        }

        function test_now_is_highlighted_away_from_the_current_week() {
            nav.atCurrentWeek = false
            verify(findChild(nav, "nowButton").highlighted)
            nav.atCurrentWeek = true
            verify(!findChild(nav, "nowButton").highlighted)
        }
    }
}

pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Endzone
import Endzone.Views

// One game in full (GameDetail, opened from a card): the score and where and when it is played, the line
// score by quarter, the drive chart, the win-probability curve, the scoring summary, and the play-by-play
// grouped by drive with a search. It follows the game live, row by row. A scorestrip game shows what exists
// and one line saying that plays need the ESPN source; a summary without plays says so.
Rectangle {
    id: page
    objectName: "gamePage"
    color: Theme.window
    signal closeRequested()

    Keys.onEscapePressed: page.closeRequested()
    Keys.onBackPressed: page.closeRequested()

    component SectionTitle: Text {
        color: Theme.dimText
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(13)
        font.bold: true
        font.letterSpacing: 1.2
        font.capitalization: Font.AllUppercase
    }
    component Card: Rectangle {
        color: Theme.card
        border.color: Theme.cardBorder
        border.width: 1
        radius: Theme.px(10)
    }

    Rectangle {
        // The score line: back, the two teams and their scores, the state.
        id: top
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: topRow.implicitHeight + infoLine.implicitHeight + Theme.px(24)
        color: Theme.header
        Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.cardBorder }

        RowLayout {
            id: topRow
            anchors { left: parent.left; right: parent.right; top: parent.top }
            anchors { leftMargin: Theme.px(12); rightMargin: Theme.px(16); topMargin: Theme.px(8) }
            spacing: Theme.px(14)
            ToolButton {
                objectName: "backButton"
                text: qsTr("← Back")
                font.pixelSize: Theme.px(15)
                palette.buttonText: Theme.text
                onClicked: page.closeRequested()
                Accessible.name: qsTr("Back to the scoreboard")
            }
            Text {
                objectName: "matchupText"
                Layout.fillWidth: true
                text: GameDetail.visitorScore >= 0
                      ? qsTr("%1 %2  at  %3 %4").arg(GameDetail.visitorName).arg(GameDetail.visitorScore)
                                                .arg(GameDetail.homeName).arg(GameDetail.homeScore)
                      : qsTr("%1 at %2").arg(GameDetail.visitorName).arg(GameDetail.homeName)
                elide: Text.ElideRight
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(24)
                font.bold: true
            }
            Rectangle {
                Layout.preferredHeight: Theme.px(28)
                Layout.preferredWidth: stateLabel.implicitWidth + Theme.px(20)
                radius: height / 2
                color: GameDetail.isLive ? Theme.live : "transparent"
                border.color: GameDetail.isLive ? Theme.live : Theme.cardBorder
                Text {
                    id: stateLabel
                    objectName: "gameStateText"
                    anchors.centerIn: parent
                    text: GameDetail.stateText
                    color: GameDetail.isLive ? "white" : Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(14)
                    font.bold: true
                }
            }
        }
        Text {
            // Kickoff in local time, venue and broadcast: whichever the source has.
            id: infoLine
            objectName: "gameInfoText"
            anchors { left: parent.left; right: parent.right; top: topRow.bottom }
            anchors { leftMargin: Theme.px(24); rightMargin: Theme.px(16); topMargin: Theme.px(4) }
            text: [GameDetail.kickoffText, GameDetail.venue, GameDetail.broadcast].filter(part => part !== "").join("  ·  ")
            elide: Text.ElideRight
            color: Theme.dimText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(13)
        }
    }

    Text {
        // Why some or all of the page is empty, or that a fetch failed: one line.
        id: messageLine
        objectName: "gameMessage"
        anchors { left: parent.left; right: parent.right; top: top.bottom }
        anchors { leftMargin: Theme.px(24); rightMargin: Theme.px(24); topMargin: visible ? Theme.px(10) : 0 }
        height: visible ? implicitHeight : 0
        visible: GameDetail.message !== ""
        text: GameDetail.message
        elide: Text.ElideRight
        color: Theme.accent
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(14)
    }

    RowLayout {
        anchors { left: parent.left; right: parent.right; top: messageLine.bottom; bottom: parent.bottom }
        anchors.margins: Theme.px(14)
        spacing: Theme.px(14)

        ScrollView {
            // Left: line score, charts and scoring summary, scrolling together.
            id: summaryView
            Layout.fillHeight: true
            Layout.fillWidth: true
            Layout.preferredWidth: 6
            contentWidth: availableWidth
            clip: true

            ColumnLayout {
                width: summaryView.availableWidth
                spacing: Theme.px(12)

                Card {
                    Layout.fillWidth: true
                    Layout.preferredHeight: lineScore.implicitHeight + Theme.px(20)
                    GridLayout {
                        id: lineScore
                        objectName: "lineScore"
                        anchors { fill: parent; margins: Theme.px(10) }
                        columns: GameDetail.lineScore.count + 2
                        rowSpacing: Theme.px(6)
                        columnSpacing: Theme.px(4)
                        readonly property real cell: Theme.px(44)
                        component Cell: Text {
                            Layout.preferredWidth: lineScore.cell
                            horizontalAlignment: Text.AlignHCenter
                            color: Theme.text
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.px(15)
                        }
                        Item { Layout.fillWidth: true; implicitHeight: 1 }
                        Repeater {
                            model: GameDetail.lineScore
                            delegate: Cell {
                                required property string period
                                text: period
                                color: Theme.dimText
                                font.pixelSize: Theme.px(12)
                            }
                        }
                        Cell { text: qsTr("T"); color: Theme.dimText; font.pixelSize: Theme.px(12); font.bold: true }

                        Text {
                            Layout.fillWidth: true
                            text: GameDetail.visitorAbbr
                            color: Theme.text
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.px(15)
                            font.bold: true
                        }
                        Repeater {
                            model: GameDetail.lineScore
                            delegate: Cell {
                                required property int visitorPoints
                                text: visitorPoints >= 0 ? visitorPoints : "–"
                            }
                        }
                        Cell { text: GameDetail.visitorScore >= 0 ? GameDetail.visitorScore : "–"; font.bold: true }

                        Text {
                            Layout.fillWidth: true
                            text: GameDetail.homeAbbr
                            color: Theme.text
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.px(15)
                            font.bold: true
                        }
                        Repeater {
                            model: GameDetail.lineScore
                            delegate: Cell {
                                required property int homePoints
                                text: homePoints >= 0 ? homePoints : "–"
                            }
                        }
                        Cell { text: GameDetail.homeScore >= 0 ? GameDetail.homeScore : "–"; font.bold: true }
                    }
                }

                SectionTitle { text: qsTr("Drive chart"); visible: driveChart.visible }
                Card {
                    Layout.fillWidth: true
                    Layout.preferredHeight: driveChart.implicitHeight + Theme.px(20)
                    visible: driveChart.visible
                    DriveChart {
                        id: driveChart
                        objectName: "driveChart"
                        anchors { fill: parent; margins: Theme.px(10) }
                        visible: GameDetail.drives.count > 0
                        model: GameDetail.drives
                        homeAbbr: GameDetail.homeAbbr
                        visitorAbbr: GameDetail.visitorAbbr
                    }
                }

                SectionTitle { text: qsTr("Win probability"); visible: winChart.visible }
                Card {
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.px(170)
                    visible: winChart.visible
                    WinProbabilityChart {
                        id: winChart
                        objectName: "winProbabilityChart"
                        anchors { fill: parent; margins: Theme.px(10) }
                        visible: GameDetail.winProbability.count > 1
                        points: GameDetail.winProbability.points
                        homeAbbr: GameDetail.homeAbbr
                        visitorAbbr: GameDetail.visitorAbbr
                    }
                }

                SectionTitle { text: qsTr("Scoring summary"); visible: scoring.count > 0 }
                Repeater {
                    id: scoring
                    model: GameDetail.scoringPlays
                    delegate: Card {
                        id: scoringRow
                        required property string team
                        required property color teamColor
                        required property string scoringType
                        required property string text
                        required property string period
                        required property string clock
                        required property int visitorScore
                        required property int homeScore
                        Layout.fillWidth: true
                        Layout.preferredHeight: scoringColumn.implicitHeight + Theme.px(16)
                        Rectangle {
                            anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: 1 }
                            width: Theme.px(5)
                            radius: Theme.px(2)
                            color: Qt.tint(scoringRow.teamColor, Qt.rgba(1, 1, 1, Theme.teamBarLift))
                        }
                        ColumnLayout {
                            id: scoringColumn
                            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter }
                            anchors { leftMargin: Theme.px(16); rightMargin: Theme.px(12) }
                            spacing: Theme.px(2)
                            RowLayout {
                                Layout.fillWidth: true
                                spacing: Theme.px(10)
                                Text {
                                    Layout.fillWidth: true
                                    text: qsTr("%1 · %2 · Q%3 %4").arg(scoringRow.team).arg(scoringRow.scoringType)
                                                                  .arg(scoringRow.period).arg(scoringRow.clock)
                                    elide: Text.ElideRight
                                    color: Theme.dimText
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.px(12)
                                    font.bold: true
                                }
                                Text {
                                    text: qsTr("%1 %2 – %3 %4").arg(GameDetail.visitorAbbr).arg(scoringRow.visitorScore)
                                                              .arg(scoringRow.homeScore).arg(GameDetail.homeAbbr)
                                    color: Theme.text
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.px(13)
                                    font.bold: true
                                }
                            }
                            Text {
                                Layout.fillWidth: true
                                text: scoringRow.text
                                wrapMode: Text.Wrap
                                color: Theme.text
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.px(13)
                            }
                        }
                    }
                }
                Item { Layout.preferredHeight: Theme.px(4) }
            }
        }

        ColumnLayout {
            // Right: the play-by-play, grouped by drive, searchable.
            Layout.fillHeight: true
            Layout.fillWidth: true
            Layout.preferredWidth: 5
            spacing: Theme.px(8)
            visible: GameDetail.hasPlays

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.px(10)
                SectionTitle { text: qsTr("Play by play") }
                TextField {
                    id: search
                    objectName: "playSearch"
                    Layout.fillWidth: true
                    placeholderText: qsTr("Search plays")
                    font.pixelSize: Theme.px(14)
                    color: Theme.text
                    onTextChanged: GameDetail.plays.search = text
                    Keys.onEscapePressed: (event) => {
                        if (text !== "") { text = ""; event.accepted = true } else { page.closeRequested() }
                    }
                    Component.onCompleted: text = GameDetail.plays.search
                }
                Text {
                    text: qsTr("%n play(s)", "", GameDetail.plays.count)
                    color: Theme.dimText
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(12)
                }
            }

            ListView {
                id: plays
                objectName: "playList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: GameDetail.plays
                spacing: Theme.px(2)
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.vertical: ScrollBar {}
                section.property: "driveLabel"
                section.criteria: ViewSection.FullString
                section.delegate: Rectangle {
                    id: sectionHeader
                    required property string section
                    width: ListView.view.width
                    height: sectionText.implicitHeight + Theme.px(10)
                    color: Theme.header
                    Text {
                        id: sectionText
                        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter }
                        anchors { leftMargin: Theme.px(8); rightMargin: Theme.px(8) }
                        text: sectionHeader.section
                        elide: Text.ElideRight
                        color: Theme.accent
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(13)
                        font.bold: true
                    }
                }
                delegate: Item {
                    id: playRow
                    required property string period
                    required property string clock
                    required property string playType
                    required property string text
                    required property string downDistance
                    required property bool scoring
                    width: ListView.view.width
                    height: playColumn.implicitHeight + Theme.px(8)
                    Rectangle {
                        visible: playRow.scoring
                        anchors { left: parent.left; top: parent.top; bottom: parent.bottom }
                        width: Theme.px(3)
                        color: Theme.good
                    }
                    Text {
                        id: clockText
                        x: Theme.px(8)
                        y: Theme.px(4)
                        width: Theme.px(70)
                        text: playRow.period !== "" ? qsTr("Q%1 %2").arg(playRow.period).arg(playRow.clock) : playRow.clock
                        color: Theme.dimText
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(12)
                    }
                    Column {
                        id: playColumn
                        anchors { left: clockText.right; right: parent.right; top: parent.top }
                        anchors { topMargin: Theme.px(4); rightMargin: Theme.px(8) }
                        spacing: Theme.px(1)
                        Text {
                            width: parent.width
                            visible: text !== ""
                            text: [playRow.downDistance, playRow.playType].filter(part => part !== "").join("  ·  ")
                            elide: Text.ElideRight
                            color: Theme.dimText
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.px(11)
                        }
                        Text {
                            width: parent.width
                            text: playRow.text
                            wrapMode: Text.Wrap
                            color: Theme.text
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.px(13)
                            font.bold: playRow.scoring
                        }
                    }
                }
            }
        }
    }
}

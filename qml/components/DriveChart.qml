pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Shapes
import Endzone.Views

// Every drive as a bar over the field, in order from top to bottom: from where it started to where it ended,
// with an arrowhead showing the direction of travel, coloured by how it ended. Yard lines count from the home
// team's goal line (the left end zone) as ESPN gives them. Bars and lines are scene-graph geometry, so they
// stay sharp at any scale.
Item {
    id: chart
    property alias model: bars.model
    property string homeAbbr
    property string visitorAbbr
    property bool live: false
    readonly property real rowHeight: Theme.px(16)
    readonly property real gutter: Theme.px(48)
    readonly property real endZone: Theme.px(22)
    readonly property real fieldX: gutter + endZone
    readonly property real fieldWidth: Math.max(0, width - gutter - 2 * endZone)
    implicitHeight: Math.max(1, bars.count) * rowHeight + legend.height + Theme.px(8)

    function kindColor(kind) {
        switch (kind) {
        case "touchdown": return Theme.good
        case "fieldgoal": return Theme.accent
        case "turnover": return Theme.redZone
        case "punt": return Theme.punt
        case "live": return Theme.driveInProgress
        default: return Theme.faintText
        }
    }
    function xAt(yardLine) { return fieldX + fieldWidth * Math.max(0, Math.min(100, yardLine)) / 100 }

    Rectangle {
        // The field: end zones in the clubs' colours, a line every ten yards, midfield stronger.
        id: field
        x: chart.gutter
        width: chart.width - chart.gutter
        height: Math.max(1, bars.count) * chart.rowHeight
        color: Theme.field
        radius: Theme.px(4)
        Rectangle { width: chart.endZone; height: parent.height; color: Theme.cardBorder; radius: Theme.px(4) }
        Rectangle {
            anchors.right: parent.right
            width: chart.endZone; height: parent.height; color: Theme.cardBorder; radius: Theme.px(4)
        }
        Repeater {
            model: 9
            delegate: Rectangle {
                required property int index
                x: chart.endZone + chart.fieldWidth * (index + 1) / 10 - width / 2
                width: index === 4 ? Math.max(2, Theme.px(2)) : 1
                height: field.height
                color: Theme.dark ? Qt.rgba(1, 1, 1, index === 4 ? 0.28 : 0.12) : Qt.rgba(0, 0, 0, index === 4 ? 0.25 : 0.1)
            }
        }
    }

    Repeater {
        id: bars
        delegate: Item {
            id: bar
            required property int index
            required property string team
            required property string resultKind
            required property string result
            required property int startYardLine
            required property int endYardLine
            required property string description
            readonly property bool known: startYardLine >= 0 && endYardLine >= 0
            readonly property real x0: chart.xAt(startYardLine)
            readonly property real x1: chart.xAt(endYardLine)
            readonly property bool forward: endYardLine >= startYardLine
            readonly property color tint: chart.kindColor(resultKind)
            y: index * chart.rowHeight
            width: chart.width
            height: chart.rowHeight
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("%1 drive, %2: %3").arg(team).arg(description).arg(result)

            Text {
                width: chart.gutter - Theme.px(6)
                height: parent.height
                verticalAlignment: Text.AlignVCenter
                horizontalAlignment: Text.AlignRight
                text: bar.team
                color: Theme.dimText
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(11)
                font.bold: true
            }
            Rectangle {
                visible: bar.known
                x: Math.min(bar.x0, bar.x1)
                width: Math.max(Theme.px(3), Math.abs(bar.x1 - bar.x0))
                anchors.verticalCenter: parent.verticalCenter
                height: Math.round(chart.rowHeight * 0.55)
                radius: Theme.px(2)
                color: bar.tint
            }
            Shape {
                // The arrowhead at the drive's end, pointing the way it went.
                id: arrow
                visible: bar.known
                readonly property real size: Math.round(chart.rowHeight * 0.42)
                x: bar.x1 + (bar.forward ? 0 : -size)
                anchors.verticalCenter: parent.verticalCenter
                width: size
                height: size * 2
                // No multisampled layer per arrowhead: two dozen offscreen textures cost the page's first frame
                // more than the slight stair on a small triangle is worth.
                ShapePath {
                    strokeWidth: -1
                    fillColor: bar.tint
                    startX: bar.forward ? 0 : arrow.size; startY: 0
                    PathLine { x: bar.forward ? arrow.size : 0; y: arrow.size }
                    PathLine { x: bar.forward ? 0 : arrow.size; y: arrow.size * 2 }
                    PathLine { x: bar.forward ? 0 : arrow.size; y: 0 }
                }
            }
        }
    }

    Flow {
        // What the colours mean, under the field.
        id: legend
        anchors { left: parent.left; right: parent.right; top: field.bottom; topMargin: Theme.px(8) }
        spacing: Theme.px(14)
        Repeater {
            model: [
                { kind: "touchdown", label: qsTr("Touchdown") },
                { kind: "fieldgoal", label: qsTr("Field goal") },
                { kind: "punt", label: qsTr("Punt") },
                { kind: "turnover", label: qsTr("Turnover") },
                { kind: "end", label: qsTr("End of half") },
                { kind: "live", label: qsTr("In progress") }
            ].filter(entry => entry.kind !== "live" || chart.live)
            delegate: Row {
                id: entry
                required property var modelData
                spacing: Theme.px(5)
                Rectangle {
                    anchors.verticalCenter: parent.verticalCenter
                    width: Theme.px(14); height: Theme.px(7); radius: Theme.px(2)
                    color: chart.kindColor(entry.modelData.kind)
                }
                Text {
                    text: entry.modelData.label
                    color: Theme.dimText
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(11)
                }
            }
        }
    }
}

import QtQuick
import QtQuick.Shapes
import Endzone.Views

// The home side's chance to win over the game, drawn as a Qt Quick Shape: the home side at the top, the
// visitor at the bottom, the even line across the middle and a tick at every quarter. `points` are (x, y) in
// 0..1: the game clock and the home side's chance.
Item {
    id: chart
    property var points: []
    property string homeAbbr
    property string visitorAbbr
    property color lineColor: Theme.accent
    readonly property real labelWidth: Theme.px(48)
    readonly property real plotWidth: Math.max(0, width - labelWidth)
    implicitHeight: Theme.px(150)

    Rectangle {
        id: plot
        x: chart.labelWidth
        width: chart.plotWidth
        height: chart.height
        color: "transparent"
        border.color: Theme.cardBorder
        border.width: 1
        radius: Theme.px(4)
        Rectangle { y: parent.height / 2; width: parent.width; height: 1; color: Theme.cardBorder }
        Repeater {
            model: 3
            delegate: Rectangle {
                required property int index
                x: plot.width * (index + 1) / 4
                width: 1; height: plot.height
                color: Theme.cardBorder
            }
        }
        Shape {
            id: curve
            objectName: "winProbabilityCurve"
            anchors.fill: parent
            visible: chart.points.length > 1
            layer.enabled: true
            layer.samples: 4
            ShapePath {
                strokeColor: chart.lineColor
                strokeWidth: Math.max(1.5, Theme.px(2))
                fillColor: "transparent"
                joinStyle: ShapePath.RoundJoin
                capStyle: ShapePath.RoundCap
                PathPolyline {
                    path: chart.points.map(p => Qt.point(p.x * curve.width, (1 - p.y) * curve.height))
                }
            }
        }
    }
    Text {
        anchors { top: parent.top; topMargin: Theme.px(2) }
        width: chart.labelWidth - Theme.px(6)
        horizontalAlignment: Text.AlignRight
        text: qsTr("%1 100%").arg(chart.homeAbbr)
        color: Theme.dimText
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(10)
        wrapMode: Text.WordWrap
    }
    Text {
        anchors { verticalCenter: parent.verticalCenter }
        width: chart.labelWidth - Theme.px(6)
        horizontalAlignment: Text.AlignRight
        text: qsTr("50%")
        color: Theme.faintText
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(10)
    }
    Text {
        anchors { bottom: parent.bottom; bottomMargin: Theme.px(2) }
        width: chart.labelWidth - Theme.px(6)
        horizontalAlignment: Text.AlignRight
        text: qsTr("%1 100%").arg(chart.visitorAbbr)
        color: Theme.dimText
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(10)
        wrapMode: Text.WordWrap
    }
}

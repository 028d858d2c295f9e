/*---------------------------------------------------------------------------*\
  magtwin: OpenFOAM boundary conditions for magnetron sputter tools.
  Built against OpenFOAM v1912 (www.openfoam.com), GPL-3.0-or-later like OpenFOAM.
\*---------------------------------------------------------------------------*/

#include "targetErosion.H"

#include "addToRunTimeSelectionTable.H"
#include "OFstream.H"
#include "fvMesh.H"
#include "pointFields.H"
#include "polyMeshTools.H"
#include "volMesh.H"

#include <cmath>
#include "unitConversion.H"

#include "boundary/openfoam/sputterErosion/sputterErosionPointPatchVectorField.H"
#include "boundary/openfoam/functionObjects/patchFieldLookup.H"

// * * * * * * * * * * * * * * Static Data Members * * * * * * * * * * * * * //

namespace Foam
{
namespace functionObjects
{
    defineTypeNameAndDebug(targetErosion, 0);
    addToRunTimeSelectionTable(functionObject, targetErosion, dictionary);
}
}

namespace
{
// Joules per kilowatt-hour.
constexpr Foam::scalar joulesPerKWh = 3.6e6;

// The step set by the last targetErosion object in the current time step: with one object
// per cathode (magtwin foam-case --life) the next step is the smallest of theirs, not the
// last object's.
struct SharedStepLimit
{
    const Foam::Time* time = nullptr;
    Foam::label timeIndex = -1;
    Foam::scalar deltaT = 0;
};
SharedStepLimit sharedStepLimit;
}


// * * * * * * * * * * * * * Private Member Functions  * * * * * * * * * * * //

const Foam::sputterErosionPointPatchVectorField&
Foam::functionObjects::targetErosion::erosionPatchField() const
{
    return lookupMagtwinPatchField<pointVectorField, sputterErosionPointPatchVectorField>
    (
        mesh_, name(), fieldName_, patchName_
    );
}


void Foam::functionObjects::targetErosion::writeFileHeader(Ostream& os)
{
    writeHeader(os, "Erosion of target patch " + patchName_);
    writeCommented(os, "Time");
    for
    (
        const char* col :
        {
            "max_depth_m", "min_remaining_m", "utilization_pct", "energy_kWh",
            "width_scale", "min_cell_volume_m3", "max_non_orthogonality_deg",
            "deltaT_s"
        }
    )
    {
        writeTabbed(os, col);
    }
    os << endl;
}


// * * * * * * * * * * * * * * * * Constructors  * * * * * * * * * * * * * * //

Foam::functionObjects::targetErosion::targetErosion
(
    const word& name,
    const Time& runTime,
    const dictionary& dict
)
:
    fvMeshFunctionObject(name, runTime, dict),
    writeFile(obr_, name, typeName, dict),
    fieldName_("pointDisplacement"),
    patchName_(),
    power_(-1),
    endOfLifeWritten_(false),
    maxCourant_(-1),
    maxDeltaT_(GREAT),
    maxNonOrthogonality_(70),
    minCellVolume_(0),
    meshInvalid_(false)
{
    read(dict);
    writeFileHeader(file());
    // The first step too: deltaT from the new (or restarted) target's speeds.
    limitDeltaT();
}


void Foam::functionObjects::targetErosion::meshQuality
(
    scalar& minVolume,
    scalar& maxNonOrtho
) const
{
    minVolume = gMin(mesh_.V().field());
    // cos of the angle between each face's normal and the line joining the
    // cell centres beside it (processor faces through their neighbours).
    const tmp<scalarField> tortho = polyMeshTools::faceOrthogonality
    (
        mesh_, mesh_.faceAreas(), mesh_.cellCentres()
    );
    const scalar minCos = gMin(tortho());
    maxNonOrtho = radToDeg(Foam::acos(min(scalar(1), max(scalar(-1), minCos))));
}


void Foam::functionObjects::targetErosion::limitDeltaT()
{
    if (maxCourant_ <= 0)
    {
        return;
    }
    const sputterErosionPointPatchVectorField& e = erosionPatchField();
    const label patchi = mesh_.boundaryMesh().findPatchID(patchName_);
    const polyPatch& pp = mesh_.boundaryMesh()[patchi];
    const scalarField& speed = e.recessionSpeed();
    const scalar t = time_.value();
    const scalar f = e.ionFluxScale(t);
    const scalarField& V = mesh_.V();
    const labelUList& faceCells = pp.faceCells();
    const scalarField magSf(mag(pp.faceAreas()));
    const faceList& faces = pp.localFaces();

    scalar dt = GREAT;
    forAll(faces, facei)
    {
        // Height of the cell on the face: the distance its face can recede
        // before the cell collapses.
        const scalar h = V[faceCells[facei]]/max(magSf[facei], VSMALL);
        for (const label pointi : faces[facei])
        {
            const scalar v = f*speed[pointi];
            if (v > 0)
            {
                dt = min(dt, maxCourant_*h/v);
            }
        }
    }
    reduce(dt, minOp<scalar>());
    dt = min(dt, maxDeltaT_);

    const scalar toEnd = time_.endTime().value() - t;
    if (toEnd > SMALL*max(scalar(1), mag(t)))
    {
        dt = min(dt, toEnd);
    }
    const dictionary& controlDict = time_.controlDict();
    if
    (
        controlDict.getOrDefault<word>("writeControl", "timeStep")
     == "adjustableRunTime"
    )
    {
        // Land on the next write time in whole steps no longer than dt.
        const scalar interval = controlDict.get<scalar>("writeInterval");
        const scalar t0 = time_.startTime().value();
        const scalar nextWrite =
            t0 + (std::floor((t - t0)/interval + 1e-9) + 1)*interval;
        const scalar toWrite = nextWrite - t;
        if (toWrite > 0)
        {
            dt = toWrite/std::ceil(toWrite/dt - 1e-9);
        }
    }
    if (dt < GREAT)
    {
        if
        (
            sharedStepLimit.time == &time_
         && sharedStepLimit.timeIndex == time_.timeIndex()
        )
        {
            dt = min(dt, sharedStepLimit.deltaT);
        }
        sharedStepLimit = {&time_, time_.timeIndex(), dt};
        const_cast<Time&>(time_).setDeltaT(dt, false);
    }
}


// * * * * * * * * * * * * * * * Member Functions  * * * * * * * * * * * * * //

bool Foam::functionObjects::targetErosion::read(const dictionary& dict)
{
    fvMeshFunctionObject::read(dict);
    writeFile::read(dict);
    fieldName_ = dict.lookupOrDefault<word>("field", "pointDisplacement");
    patchName_ = dict.get<word>("patch");
    power_ = -1;
    if (dict.found("power"))
    {
        power_ = dict.getCheck<scalar>("power", [](const scalar x) { return x > 0; });
    }
    maxCourant_ = -1;
    if (dict.found("maxErosionCourant"))
    {
        maxCourant_ = dict.getCheck<scalar>
        (
            "maxErosionCourant", [](const scalar x) { return x > 0; }
        );
    }
    maxDeltaT_ = dict.getCheckOrDefault<scalar>
    (
        "maxDeltaT", GREAT, [](const scalar x) { return x > 0; }
    );
    maxNonOrthogonality_ = dict.getCheckOrDefault<scalar>
    (
        "maxNonOrthogonality", 70, [](const scalar x) { return x > 0 && x < 90; }
    );
    minCellVolume_ = dict.getCheckOrDefault<scalar>
    (
        "minCellVolume", 0, [](const scalar x) { return x >= 0; }
    );
    return true;
}


bool Foam::functionObjects::targetErosion::execute()
{
    const sputterErosionPointPatchVectorField& e = erosionPatchField();
    const scalar maxDepth = e.maxDepth();        // collective
    const scalar utilization = e.utilization();  // collective
    const scalar eol = e.endOfLifeTime();
    const scalar now = eol >= 0 ? eol : time_.value();
    // The energy since the new target (t = 0), also after a restart.
    const scalar energy =
        power_ > 0 ? power_*e.integratedIonFluxScale(0, now)/joulesPerKWh : -1;
    scalar minVolume = 0, maxNonOrtho = 0;
    meshQuality(minVolume, maxNonOrtho);

    if (Pstream::master() && writeToFile())
    {
        OFstream& os = file();
        writeCurrentTime(os);
        os  << tab << maxDepth << tab << e.targetThickness() - maxDepth << tab
            << 100*utilization << tab << energy << tab << e.widthScale()
            << tab << minVolume << tab << maxNonOrtho << tab
            << time_.deltaTValue() << endl;
    }
    if (eol >= 0 && !endOfLifeWritten_)
    {
        endOfLifeWritten_ = true;
        Info<< name() << ": end of life of patch " << patchName_ << " at t = "
            << eol << " s";
        if (energy >= 0)
        {
            Info<< " = " << energy << " kWh";
        }
        Info<< ", utilization " << 100*utilization << " %" << endl;
        if (Pstream::master() && writeToFile())
        {
            OFstream os(baseFileDir()/name()/"endOfLife.json");
            os.precision(12);
            os  << "{\"patch\": \"" << patchName_.c_str() << "\", \"life_s\": " << eol
                << ", \"life_kWh\": ";
            if (energy >= 0) { os << energy; } else { os << "null"; }
            os  << ", \"utilization_pct\": " << 100*utilization
                << ", \"min_remaining_m\": " << e.targetThickness() - maxDepth
                << ", \"max_depth_m\": " << maxDepth
                << ", \"width_scale\": " << e.widthScale() << "}" << nl;
        }
        // Write the end-of-life state and end now: no further step (the condition's own
        // stopAt writeNow would take one more, without erosion).
        const_cast<Time&>(time_).writeAndEnd();
        return true;
    }
    if
    (
        eol < 0 && !meshInvalid_
     && (minVolume <= minCellVolume_ || maxNonOrtho > maxNonOrthogonality_)
    )
    {
        Info<< name() << ": the eroded mesh is no longer valid at t = "
            << time_.value() << " s: smallest cell volume " << minVolume
            << " m^3 (limit > " << minCellVolume_ << "), non-orthogonality "
            << maxNonOrtho << " deg (limit " << maxNonOrthogonality_
            << "); max depth " << maxDepth << " m. Writing this state and"
            << " ending: remesh, or use a finer mesh or a smaller"
            << " maxErosionCourant" << endl;
        if (Pstream::master() && writeToFile())
        {
            OFstream os(baseFileDir()/name()/"meshInvalid.json");
            os.precision(12);
            os  << "{\"patch\": \"" << patchName_.c_str() << "\", \"time_s\": "
                << time_.value() << ", \"min_cell_volume_m3\": " << minVolume
                << ", \"max_non_orthogonality_deg\": " << maxNonOrtho
                << ", \"min_cell_volume_limit_m3\": " << minCellVolume_
                << ", \"max_non_orthogonality_limit_deg\": "
                << maxNonOrthogonality_ << ", \"max_depth_m\": " << maxDepth
                << "}" << nl;
        }
        meshInvalid_ = true;
        // Write this state and end now (no further step on an invalid mesh).
        const_cast<Time&>(time_).writeAndEnd();
        return true;
    }
    if (eol < 0 && !meshInvalid_)
    {
        limitDeltaT();
    }
    return true;
}


bool Foam::functionObjects::targetErosion::write()
{
    return true;
}
